/**
 * Records one bridge instance writes and another reads (pending sign-ins and tickets, in Redis):
 * during a rolling restart the writer and the reader may be different releases. Each record
 * carries the version of its shape; a reader takes its own and older shapes (0.1.0 wrote none:
 * version 1) and treats a newer one as absent, so it is never misread. Raise the version, and
 * keep reading the old shape, whenever a record's fields change meaning.
 */
export const RECORD_VERSION = 1;

export type Versioned = { v?: number };

/** The record with this release's version. */
export const stamped = <T extends object>(record: T): T & { v: number } => ({ ...record, v: RECORD_VERSION });

/** Whether this release understands the record's shape. */
export const readable = (record: Versioned): boolean => {
	const v = record.v ?? 1;
	return Number.isInteger(v) && v >= 1 && v <= RECORD_VERSION;
};

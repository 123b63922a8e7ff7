<?php
/**
 * Benchmark stacks only: `?bench_plugins=off` serves the request as if no plugin were active.
 * The page-overhead benchmark can then alternate with and without the plugin request by
 * request, so drift of the machine cancels out instead of counting as overhead.
 *
 * @package LogtoBridge
 */

// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a read-only switch of a benchmark stack.
if ( isset( $_GET['bench_plugins'] ) && 'off' === $_GET['bench_plugins'] ) {
	add_filter( 'option_active_plugins', '__return_empty_array' );
}

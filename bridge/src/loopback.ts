/** Whether a URL names this machine (127.x, localhost, ::1): the only place plain http is allowed. */
export const isLoopback = (url: URL): boolean => /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(url.hostname);

import type { Locale } from './i18n.js';

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(value: unknown): string {
	return String(value ?? '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

const css = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"PingFang SC","Microsoft YaHei",sans-serif;background:#f5f5f7;color:#1d1d1f}
main{max-width:26rem;margin:2rem auto;padding:2rem;background:#fff;border-radius:12px;box-shadow:0 1px 4px rgba(0,0,0,.08)}
@media (max-width:30rem){main{margin:0;border-radius:0;min-height:100vh}}
h1{font-size:1.5rem;margin:0 0 1rem}label{display:block;font-weight:600;margin:1rem 0 .25rem}
input{width:100%;padding:.7rem .8rem;font-size:1rem;border:1px solid #c7c7cc;border-radius:8px}
input:focus{outline:2px solid #5d34f2;outline-offset:1px}
button{width:100%;margin-top:1rem;padding:.75rem;font-size:1rem;font-weight:600;border:0;border-radius:8px;background:#5d34f2;color:#fff;cursor:pointer}
button.secondary{background:#e9e6fd;color:#3c1fb0}.help{font-size:.875rem;color:#6e6e73;margin:.25rem 0 0}
.error{background:#fdecea;color:#8a1c12;padding:.75rem;border-radius:8px}.notice{background:#eef8ee;color:#1d5e20;padding:.75rem;border-radius:8px}
.links{margin-top:1.5rem;display:flex;flex-direction:column;gap:.5rem;font-size:.95rem}a{color:#5d34f2}
hr{border:0;border-top:1px solid #e5e5ea;margin:1.5rem 0}
`;

/** A whole page: self-contained (no external assets), mobile friendly. */
export function page(locale: Locale, title: string, body: string, status = 200): { status: number; html: string } {
	return {
		status,
		html: `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
</head>
<body><main>${body}</main></body>
</html>`,
	};
}

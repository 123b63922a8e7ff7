type Child = Node | string | null | false | undefined;

/**
 * An element with attributes and children. Text goes in as text nodes only: nothing from the
 * site or from Logto is ever parsed as HTML here.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | boolean | ((e: Event) => void)> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
	const el = document.createElement(tag);
	for (const [name, value] of Object.entries(attrs)) {
		if (typeof value === 'function') el.addEventListener(name.replace(/^on/, ''), value);
		else if (value === true) el.setAttribute(name, '');
		else if (value !== false) el.setAttribute(name, value);
	}
	for (const child of children) if (child) el.append(child);
	return el;
}

/**
 * The text of the HTML WordPress renders in titles and excerpts (`&#8217;`, `<p>`), read by an
 * inert parser: no script runs, no element reaches the page.
 */
export function htmlText(html: string): string {
	return (new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '').trim();
}

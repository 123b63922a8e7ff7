import { defineConfig } from 'vite';

// Relative asset paths: the same build runs from a web server and inside the Capacitor WebView.
export default defineConfig({
	base: './',
	build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
	server: { host: '127.0.0.1', port: 5173, strictPort: true },
});

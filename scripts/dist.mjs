// npm run dist: dist/logto-bridge-<version>.zip, the plugin as WordPress installs it (after
// `npm run build`), checked as WordPress.org would take it.
import { pluginZipProblems, writePluginZip } from './lib/plugin-zip.mjs';

const zip = writePluginZip();
const problems = pluginZipProblems(zip);
if (problems.length) {
	console.error(`${zip} is not ready:\n- ${problems.join('\n- ')}`);
	process.exit(1);
}
console.log(`${zip}: ready to upload in Plugins > Add New > Upload Plugin.`);

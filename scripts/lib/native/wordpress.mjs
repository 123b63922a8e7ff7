// The same assembled WordPress 6.5.5 as on Playground (or the core WP_CORE names, e.g. 7.1), on
// real parts: MariaDB, php-fpm and (started by the stack) nginx over https. Our plugin and any
// extra folders are symlinked where Playground would mount them; installing, activating the
// plugin and the first settings are done by PHP's CLI at each start, as Playground's blueprint does.
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { appendFileSync, existsSync, lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { assembleWordPress } from '../../assemble-wordpress.mjs';
import { repoRoot } from '../paths.mjs';
import { startMariaDB } from './mariadb.mjs';
import { startPhpFpm } from './php-fpm.mjs';
import { chownForRoot } from './system-user.mjs';

/** A PHP literal for a wp-config constant. */
const php = (value) => (typeof value === 'boolean' ? String(value) : `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);

/** Replaces whatever is at `link` by a symlink to `target`. */
function link(target, path) {
	// lstat, not existsSync: a dangling symlink left by an earlier start must go too.
	if (lstatExists(path)) rmSync(path, { recursive: true, force: true });
	mkdirSync(dirname(path), { recursive: true });
	symlinkSync(target, path);
}
function lstatExists(path) {
	try {
		lstatSync(path);
		return true;
	} catch {
		return false;
	}
}

/**
 * @param {object} options
 * @param {string} options.url          https URL nginx serves it on
 * @param {{ php: number, db: number }} options.ports
 * @param {string} options.dir          this runtime's folder (core, database, configs)
 * @param {string} options.logDir
 * @param {string} options.secret       derives the database password
 * @param {string} options.caFile       the local CA, added to WordPress's own CA bundle
 * @param {boolean} [options.fresh]
 * @param {Record<string,string|boolean>} [options.constants]
 * @param {Record<string,unknown>} [options.initialSettings]
 * @param {Array<[string, string]>} [options.mounts]  host folder, Playground path (/wordpress/...)
 * @param {number} [options.workers]
 * @param {{ subsites: string[], subdomain?: boolean }} [options.network]  a multisite network with
 *        these sites besides the main one (at /<name>/, or at <name>.<host> on a subdomain
 *        install), the plugin network-activated
 */
export async function startNativeWordPress({ url, ports, dir, logDir, secret, caFile, fresh = false, constants = {}, initialSettings, mounts = [], workers = 8, network }) {
	const coreDir = assembleWordPress(join(dir, 'wordpress'), process.env.WP_CORE);
	link(join(repoRoot, 'plugin'), join(coreDir, 'wp-content', 'plugins', 'logto-bridge'));
	for (const [host, vfs] of mounts) link(host, join(coreDir, vfs.replace(/^\/wordpress\//, '')));
	// WordPress calls the bridge over https with its own CA bundle: add exactly our CA to it.
	const bundle = join(coreDir, 'wp-includes', 'certificates', 'ca-bundle.crt');
	const ca = readFileSync(caFile, 'utf8');
	if (!readFileSync(bundle, 'utf8').includes(ca.trim())) appendFileSync(bundle, `\n${ca}`);
	// php-fpm runs as www-data when started by root: its logs, in the stack's log folder.
	mkdirSync(logDir, { recursive: true });
	for (const file of ['php-error.log', 'wp-debug.log']) {
		if (!existsSync(join(logDir, file))) writeFileSync(join(logDir, file), '');
		chownForRoot('www-data', join(logDir, file));
	}

	const database = { name: 'wordpress', user: 'wordpress', password: createHmac('sha256', secret).update('mariadb').digest('hex').slice(0, 32) };
	const db = await startMariaDB({ port: ports.db, dir: join(dir, 'mariadb'), logDir, fresh, database });
	const salts = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'];
	const defined = {
		DB_NAME: database.name,
		DB_USER: database.user,
		DB_PASSWORD: database.password,
		DB_HOST: db.host,
		DB_CHARSET: 'utf8mb4',
		DB_COLLATE: '',
		// A network's sites each have their own URL: these would pin them all to the main one.
		...(network ? { WP_ALLOW_MULTISITE: true } : { WP_HOME: url, WP_SITEURL: url }),
		...Object.fromEntries(salts.map((k) => [k, createHmac('sha256', secret).update(k).digest('hex')])),
		WP_DEBUG: true,
		WP_DEBUG_DISPLAY: false,
		WP_DEBUG_LOG: join(logDir, 'wp-debug.log'),
		...constants,
	};
	writeFileSync(
		join(coreDir, 'wp-config.php'),
		`<?php
// Written by scripts/lib/native/wordpress.mjs at each start.
${Object.entries(defined).map(([k, v]) => `define( '${k}', ${php(v)} );`).join('\n')}
$table_prefix = 'wp_';
${network ? networkConstants(new URL(url).host, Boolean(network.subdomain)) : ''}if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
`,
	);
	const setup = join(dir, 'setup.php');
	writeFileSync(
		setup,
		`<?php
define( 'WP_INSTALLING', true );
$_SERVER['HTTP_HOST'] = ${php(new URL(url).host)};
$_SERVER['HTTPS']     = 'on';
require ${php(join(coreDir, 'wp-load.php'))};
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
add_filter( 'pre_wp_mail', '__return_false' );
if ( ! is_blog_installed() ) {
	wp_install( 'Logto Bridge', 'admin', 'admin@example.com', true, '', 'password' );
	$GLOBALS['wp_rewrite']->set_permalink_structure( '/%postname%/' );
	flush_rewrite_rules( false );
}
${network ? '' : "activate_plugin( 'logto-bridge/logto-bridge.php' );"}
${network ? networkSetup(network, initialSettings) : initialSettings ? `if ( false === get_option( 'logto_bridge_settings' ) ) { update_option( 'logto_bridge_settings', json_decode( ${php(JSON.stringify(initialSettings))}, true ), true ); }` : ''}
`,
	);
	const phpFpm = await startPhpFpm({ port: ports.php, dir: join(dir, 'php-fpm'), logDir, workers }).catch(async (error) => {
		await db.stop();
		throw error;
	});
	try {
		// A network is installed as one site first (the network's constants held back), then made a network.
		if (network) execFileSync('php', ['-r', `define( 'LOGTO_STACK_INSTALLING', true ); require ${php(setup)};`], { stdio: 'pipe' });
		execFileSync('php', [setup], { stdio: 'pipe' });
		// It writes uploads (and the e2e mailbox) too: after the setup, which runs as this user.
		const uploads = join(coreDir, 'wp-content', 'uploads');
		mkdirSync(uploads, { recursive: true });
		chownForRoot('www-data', uploads);
	} catch (error) {
		await phpFpm.stop();
		await db.stop();
		throw new Error(`installing WordPress failed: ${error.stderr?.toString() || error.stdout?.toString() || error.message}`);
	}
	return { url, coreDir, services: [db, phpFpm] };
}

/** wp-config's multisite constants, held back while the single site the network grows from is installed. */
function networkConstants(host, subdomain) {
	// A subdomain network's cookies would be for `.<host>`: a port in it breaks them, and browsers
	// refuse a cookie for `.localhost`. Host-only cookies instead, as a network whose sites are on
	// domains of their own has: each site its own sign-in.
	return `if ( ! defined( 'LOGTO_STACK_INSTALLING' ) ) {
	define( 'MULTISITE', true );
	define( 'SUBDOMAIN_INSTALL', ${subdomain} );
	define( 'DOMAIN_CURRENT_SITE', ${php(host)} );
	define( 'PATH_CURRENT_SITE', '/' );
	define( 'SITE_ID_CURRENT_SITE', 1 );
	define( 'BLOG_ID_CURRENT_SITE', 1 );${subdomain ? "\n\tdefine( 'COOKIE_DOMAIN', '' );" : ''}
}
`;
}

/**
 * setup.php's network part: the first run (single site) makes the network's tables, the second
 * adds the sites and network-activates the plugin with the first settings.
 * @param {{ subsites: string[], subdomain?: boolean }} network
 * @param {Record<string,unknown>} [initialSettings]
 */
function networkSetup(network, initialSettings) {
	return `if ( ! is_multisite() ) {
	// As wp-admin/network.php does: a single site's wpdb has no network table names yet.
	foreach ( $GLOBALS['wpdb']->tables( 'ms_global' ) as $table => $prefixed ) {
		$GLOBALS['wpdb']->$table = $prefixed;
	}
	if ( ! $GLOBALS['wpdb']->get_var( "SHOW TABLES LIKE '{$GLOBALS['wpdb']->site}'" ) ) {
		// No WP_HOME / WP_SITEURL on a network: the main site's URLs are its options (the CLI's guess is a path).
		update_option( 'home', 'https://' . $_SERVER['HTTP_HOST'] );
		update_option( 'siteurl', 'https://' . $_SERVER['HTTP_HOST'] );
		require_once ABSPATH . 'wp-admin/includes/network.php';
		install_network();
		$result = populate_network( 1, $_SERVER['HTTP_HOST'], 'admin@example.com', 'Logto Network', '/', ${Boolean(network.subdomain)} );
		// A subdomain network is made, then checked for a wildcard DNS entry, which loopback names lack.
		if ( is_wp_error( $result ) && 'no_wildcard_dns' !== $result->get_error_code() ) {
			fwrite( STDERR, $result->get_error_message() );
			exit( 1 );
		}
	}
	return;
}
foreach ( json_decode( ${php(JSON.stringify(network.subsites))} ) as $name ) {
	$domain = ${network.subdomain ? '"{$name}." . ' : ''}$_SERVER['HTTP_HOST'];
	$path   = ${network.subdomain ? "'/'" : '"/{$name}/"'};
	if ( ! domain_exists( $domain, $path, 1 ) ) {
		// On a port, the network's mu-plugin keeps it in the domain (WordPress would strip it).
		wp_insert_site( array( 'domain' => $domain, 'path' => $path, 'title' => "Site {$name}", 'user_id' => 1 ) );
	}
}
activate_plugin( 'logto-bridge/logto-bridge.php', '', true );
${initialSettings ? `if ( false === get_site_option( 'logto_bridge_network_settings' ) ) { update_site_option( 'logto_bridge_network_settings', json_decode( ${php(JSON.stringify(initialSettings))}, true ) ); }` : ''}
`;
}

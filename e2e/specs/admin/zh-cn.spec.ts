import { expect, test } from '../../support/test';
import { adminRest, restoreSettingsAfterAll, updateSettings } from '../../support/wordpress';

/** Sets the site language (WPLANG) as Settings > General would, through the REST settings field. */
async function setSiteLanguage( locale: string ) {
	const rest = await adminRest();
	const res = await rest.post( '/wp-json/wp/v2/settings', { headers: { 'X-WP-Nonce': rest.nonce }, data: { language: locale } } );
	const saved = ( ( await res.json() ) as { language?: string } ).language;
	await rest.dispose();
	// Every later spec reads English: a switch that did not take must fail here, not there.
	expect( saved || 'en_US', 'WordPress stores English as an empty WPLANG' ).toBe( locale );
}

test.describe( 'a site in Chinese (zh_CN)', () => {
	restoreSettingsAfterAll();
	test.afterAll( async () => {
		await setSiteLanguage( 'en_US' );
	} );

	test( 'wp-login.php and Logto > Settings speak Chinese: PHP strings from the .mo, the settings app from its JSON', async ( { page, adminPage } ) => {
		await updateSettings( { login_mode: 'phone' } );
		await setSiteLanguage( 'zh_CN' );

		await page.goto( '/wp-login.php' );
		await expect( page.getByLabel( '手机号' ) ).toBeVisible();
		await expect( page.getByRole( 'button', { name: '使用手机号继续' } ) ).toBeVisible();
		await expect( page.getByRole( 'button', { name: '使用 Logto 登录' } ) ).toBeVisible();
		await expect( page.getByLabel( '手机号' ) ).toHaveAttribute( 'title', /请以 \+ 和国家\/地区代码开头/ );

		await adminPage.goto( '/wp-admin/admin.php?page=logto-bridge' );
		await expect( adminPage.getByRole( 'heading', { level: 1, name: 'Logto 设置' } ) ).toBeVisible( { timeout: 30_000 } );
		await expect( adminPage.getByRole( 'button', { name: '保存设置' } ) ).toBeVisible();
		await expect( adminPage.getByLabel( 'Logto 端点' ) ).toBeVisible();
	} );
} );

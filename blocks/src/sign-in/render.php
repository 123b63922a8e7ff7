<?php
/**
 * Server render of the logto-bridge/sign-in block (and of [logto_sign_in]). Markup only.
 *
 * @package LogtoBridge
 *
 * @var array $attributes Block attributes.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

$logto_bridge_back = '' !== $attributes['redirectTo'] ? $attributes['redirectTo'] : (string) get_permalink();
$logto_bridge_back = wp_validate_redirect( $logto_bridge_back, home_url( '/' ) );
// The editor's preview (a REST render) shows what a signed-out visitor gets, not the editor's own
// session.
$logto_bridge_signed_in = is_user_logged_in() && ! ( defined( 'REST_REQUEST' ) && REST_REQUEST );
$logto_bridge_mode      = 'phone' === $attributes['mode'] ? 'phone' : 'buttons';
$logto_bridge_wrapper   = get_block_wrapper_attributes( array( 'class' => 'logto-bridge-sign-in' ) );
?>
<?php // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped by core. ?>
<div <?php echo $logto_bridge_wrapper; ?>>
	<?php if ( $logto_bridge_signed_in ) : ?>
		<span class="logto-bridge-sign-in__user">
			<?php
			/* translators: %s: the signed-in user's display name. */
			echo esc_html( sprintf( __( 'Signed in as %s', 'logto-bridge' ), wp_get_current_user()->display_name ) );
			?>
		</span>
		<a class="logto-bridge-sign-in__sign-out" href="<?php echo esc_url( wp_logout_url( $logto_bridge_back ) ); ?>">
			<?php esc_html_e( 'Sign out', 'logto-bridge' ); ?>
		</a>
	<?php else : ?>
		<?php
		// phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- built with esc_* in Sign_In_Form::render().
		echo \LogtoBridge\Sign_In_Form::render( $logto_bridge_mode, $logto_bridge_back, (string) $attributes['label'] );
		?>
	<?php endif; ?>
</div>

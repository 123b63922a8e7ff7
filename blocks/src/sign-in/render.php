<?php
/**
 * Server render of the logto-bridge/sign-in block. Markup only.
 *
 * @package LogtoBridge
 *
 * @var array $attributes Block attributes.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

$logto_bridge_label = '' !== $attributes['label'] ? $attributes['label'] : __( 'Sign in with Logto', 'logto-bridge' );
$logto_bridge_back  = '' !== $attributes['redirectTo'] ? $attributes['redirectTo'] : get_permalink();
$logto_bridge_back  = wp_validate_redirect( (string) $logto_bridge_back, home_url( '/' ) );
$logto_bridge_phone = wp_unique_id( 'logto-bridge-phone-' );
?>
<div <?php echo get_block_wrapper_attributes( array( 'class' => 'logto-bridge-sign-in' ) ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped by core. ?>>
	<?php if ( is_user_logged_in() ) : ?>
		<span class="logto-bridge-sign-in__user">
			<?php
			/* translators: %s: the signed-in user's display name. */
			echo esc_html( sprintf( __( 'Signed in as %s', 'logto-bridge' ), wp_get_current_user()->display_name ) );
			?>
		</span>
		<a class="logto-bridge-sign-in__sign-out" href="<?php echo esc_url( wp_logout_url( $logto_bridge_back ) ); ?>"><?php esc_html_e( 'Sign out', 'logto-bridge' ); ?></a>
	<?php else : ?>
		<form class="logto-bridge-sign-in__form" method="get" action="<?php echo esc_url( wp_login_url() ); ?>">
			<input type="hidden" name="action" value="logto-sign-in" />
			<input type="hidden" name="redirect_to" value="<?php echo esc_url( $logto_bridge_back ); ?>" />
			<?php if ( 'phone' === $attributes['mode'] ) : ?>
				<label class="screen-reader-text" for="<?php echo esc_attr( $logto_bridge_phone ); ?>"><?php esc_html_e( 'Phone number', 'logto-bridge' ); ?></label>
				<input id="<?php echo esc_attr( $logto_bridge_phone ); ?>" class="logto-bridge-sign-in__phone" type="tel" name="phone" autocomplete="tel" placeholder="+1 555 123 4567" />
			<?php endif; ?>
			<button type="submit" class="wp-element-button logto-bridge-sign-in__button"><?php echo esc_html( $logto_bridge_label ); ?></button>
		</form>
	<?php endif; ?>
</div>

<?php
/**
 * The sign-in form: a "Sign in with Logto" button, or a phone field and a button.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * One renderer for wp-login.php, the block (render.php) and the shortcode.
 */
final class Sign_In_Form {

	/**
	 * A number every country's visitors recognise as an example; valid as typed (a US number
	 * from the range reserved for examples). The block editor shows the same one.
	 */
	const PHONE_PLACEHOLDER = '+1 201 555 0123';

	/**
	 * What the browser checks before sending: + and 6 to 24 digits, spaces, brackets or dashes.
	 * Browsers compile `pattern` with the `v` flag, where ( ) and - in a class must be escaped;
	 * an invalid pattern is ignored, with a console error.
	 */
	const PHONE_PATTERN = '\\+[0-9 \\(\\)\\-]{6,24}';

	/**
	 * The form's HTML.
	 *
	 * @param string $mode      buttons | phone (the login modes' words).
	 * @param string $redirect  Where to go after sign-in.
	 * @param string $label     Button label ('' for the default).
	 * @param bool   $autofocus Whether the phone field takes the focus (wp-login.php only, never on a page).
	 * @param bool   $primary   Whether the button is the primary one.
	 * @return string HTML.
	 */
	public static function render( $mode, $redirect, $label, $autofocus = false, $primary = true ) {
		$id = wp_unique_id( 'logto-bridge-phone-' );
		if ( '' === $label ) {
			$label = 'phone' === $mode
				? __( 'Continue with phone', 'logto-bridge' )
				: __( 'Sign in with Logto', 'logto-bridge' );
		}
		$html  = '<form class="logto-bridge-sign-in__form" method="get" action="' . esc_url( wp_login_url() ) . '">';
		$html .= '<input type="hidden" name="action" value="' . esc_attr( Sign_In_Flow::ACTION_START ) . '" />';
		if ( '' !== $redirect ) {
			$html .= '<input type="hidden" name="redirect_to" value="' . esc_url( $redirect ) . '" />';
		}
		if ( 'phone' === $mode ) {
			$html .= sprintf(
				'<p><label for="%1$s">%2$s</label><input id="%1$s" class="input logto-bridge-sign-in__phone"'
				. ' type="tel" name="phone" autocomplete="tel" inputmode="tel"'
				. ' placeholder="%3$s" pattern="%4$s" title="%5$s" required%6$s /></p>',
				esc_attr( $id ),
				esc_html__( 'Phone number', 'logto-bridge' ),
				esc_attr( self::PHONE_PLACEHOLDER ),
				esc_attr( self::PHONE_PATTERN ),
				esc_attr__( 'Start with + and the country code, for example +86 138 0013 8000.', 'logto-bridge' ),
				$autofocus ? ' autofocus' : ''
			);
		}
		$html .= sprintf(
			'<p><button type="submit" class="button %s button-large wp-element-button logto-bridge-sign-in__button">%s</button></p>',
			$primary ? 'button-primary' : 'button-secondary',
			esc_html( $label )
		);
		$html .= '</form>';
		if ( 'phone' === $mode ) {
			// Visitors who use email, a username or social sign-in at Logto need a way in too.
			$html .= self::render( 'buttons', $redirect, '', false, false );
		}
		return $html;
	}
}

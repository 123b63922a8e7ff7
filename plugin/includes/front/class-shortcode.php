<?php
/**
 * [logto_sign_in] for classic themes: the same markup as the block.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Renders the sign-in block from shortcode attributes.
 */
final class Shortcode {

	/**
	 * `[logto_sign_in label="" mode="buttons|phone" redirect=""]`; any other mode (such as the
	 * `default` of 0.1.0) is `buttons`.
	 *
	 * @param array<string,string>|string $atts Shortcode attributes.
	 * @return string
	 */
	public static function render( $atts ) {
		$atts = shortcode_atts(
			array(
				'label'    => '',
				'mode'     => 'buttons',
				'redirect' => '',
			),
			is_array( $atts ) ? $atts : array(),
			'logto_sign_in'
		);
		return render_block(
			array(
				'blockName'    => 'logto-bridge/sign-in',
				'attrs'        => array(
					'label'      => sanitize_text_field( $atts['label'] ),
					'mode'       => 'phone' === $atts['mode'] ? 'phone' : 'buttons',
					'redirectTo' => esc_url_raw( $atts['redirect'] ),
				),
				'innerBlocks'  => array(),
				'innerHTML'    => '',
				'innerContent' => array(),
			)
		);
	}
}

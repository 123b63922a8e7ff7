<?php
/**
 * The setup wizard's errors, in words for the admin.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Maps the bridge's setup error codes to translated sentences that say what to do.
 */
final class Setup_Errors {

	/**
	 * The bridge's refusal in words for the admin, with Logto's own message where it has one.
	 *
	 * @param \WP_Error $error From Bridge_Client::setup().
	 * @return \WP_Error
	 */
	public static function explain( \WP_Error $error ) {
		$code   = $error->get_error_code();
		$detail = $error->get_error_message();
		switch ( $code ) {
			case 'm2m_credentials_wrong':
				$text = __(
					'Logto refused the app ID or app secret of the machine-to-machine app. Copy both again from Logto Console > Applications > your machine-to-machine app.',
					'logto-bridge'
				);
				break;
			case 'm2m_role_missing':
				$text = __(
					'The machine-to-machine app may not use the Management API. In Logto Console > Applications > your machine-to-machine app > Roles, assign the role "Logto Management API access".',
					'logto-bridge'
				);
				break;
			case 'not_m2m_app':
				$text = __(
					'These are not the credentials of a machine-to-machine app. In Logto Console > Applications, create an app of type "Machine-to-machine" and use its app ID and secret.',
					'logto-bridge'
				);
				break;
			case 'resource_wrong':
				$text = __(
					'Logto does not know this Management API identifier. Self-hosted Logto uses https://default.logto.app/api; Logto Cloud uses https://<tenant-id>.logto.app/api.',
					'logto-bridge'
				);
				break;
			case 'logto_unreachable':
				/* translators: %s: the reason, e.g. ECONNREFUSED. */
				$text = sprintf( __( 'Logto could not be reached: %s', 'logto-bridge' ), $detail );
				break;
			case 'confirmation_needed':
				$text = __(
					'This changes or replaces something in Logto. Review the changes and confirm them.',
					'logto-bridge'
				);
				break;
			case 'choice_needed':
				$text = __(
					'Choose how new phone visitors sign up: no change lets them in with the code alone while everyone of today signs in as before.',
					'logto-bridge'
				);
				break;
			case 'sms_not_sent':
				$text = sprintf(
					/* translators: %s: Logto's message. */
					__(
						'Logto could not send the test SMS: the SMS provider was unreachable or refused the request. Check the access key and its secret, the sign name (approved by the provider), the template IDs (one per usage type, approved), the region and the app ID, and the provider\'s console for the send log. Logto said: %s',
						'logto-bridge'
					),
					$detail
				);
				break;
			case 'bridge_unreachable':
			case 'bridge_error':
				/* translators: %s: the reason. */
				$text = sprintf( __( 'The bridge is unreachable: %s', 'logto-bridge' ), $detail );
				break;
			default:
				// logto_refused, logto_not_found, logto_error, invalid_request: Logto's or the bridge's own words.
				/* translators: %s: Logto's message, e.g. "Invalid tencent SMS connector config: sdkAppId: Required". */
				$text = sprintf( __( 'Logto refused: %s', 'logto-bridge' ), $detail );
		}
		$to_confirm = array( 'confirmation_needed', 'choice_needed' );
		$upstream   = array( 'logto_unreachable', 'bridge_unreachable', 'bridge_error', 'sms_not_sent' );
		$status     = in_array( $code, $to_confirm, true ) ? 409 : ( in_array( $code, $upstream, true ) ? 502 : 400 );
		return new \WP_Error( 'logto_bridge_setup_' . $code, $text, array( 'status' => $status ) );
	}
}

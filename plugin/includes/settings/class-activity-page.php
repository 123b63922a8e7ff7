<?php
/**
 * The Logto > Activity admin screen: why recent sign-ins did not finish.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * A read-only table of Activity_Log's rows, rendered by WordPress itself like its own list
 * screens: nothing on it is edited, so it needs no script. Administrators only.
 */
final class Activity_Page {

	const SLUG = 'logto-bridge-activity';

	/**
	 * Adds Logto > Activity under the Logto menu.
	 */
	public static function register_menu() {
		add_submenu_page(
			Settings_Page::MENU_SLUG,
			__( 'Logto sign-in activity', 'logto-bridge' ),
			__( 'Activity', 'logto-bridge' ),
			'manage_options',
			self::SLUG,
			array( __CLASS__, 'render' )
		);
	}

	/**
	 * Where a failure was decided, in words.
	 *
	 * @param string $step A step of Activity_Log.
	 * @return string
	 */
	private static function step_words( $step ) {
		$words = array(
			'sign-in'             => __( 'Bridge, sending the visitor to Logto', 'logto-bridge' ),
			'callback'            => __( 'Bridge, back from Logto', 'logto-bridge' ),
			Activity_Log::STEP_WP => __( 'WordPress, signing the visitor in', 'logto-bridge' ),
		);
		return $words[ $step ] ?? $step;
	}

	/**
	 * Prints the table, newest first.
	 */
	public static function render() {
		if ( ! current_user_can( 'manage_options' ) ) {
			wp_die(
				esc_html__( 'Sorry, you are not allowed to see the Logto sign-in activity.', 'logto-bridge' ),
				403
			);
		}
		$rows   = Activity_Log::latest();
		$format = get_option( 'date_format' ) . ' ' . get_option( 'time_format' );
		echo '<div class="wrap"><h1>' . esc_html__( 'Logto sign-in activity', 'logto-bridge' ) . '</h1>';
		echo '<p>' . esc_html(
			sprintf(
				/* translators: %d: how many sign-ins are kept. */
				__(
					'The last %d sign-ins that did not finish, newest first, with what the visitor was told. The flow ID finds the bridge’s log lines of that sign-in.',
					'logto-bridge'
				),
				Activity_Log::KEEP
			)
		) . '</p>';
		if ( ! $rows ) {
			echo '<p class="logto-bridge-activity-empty">';
			echo esc_html__( 'No failed sign-ins so far.', 'logto-bridge' ) . '</p></div>';
			return;
		}
		echo '<table class="widefat striped logto-bridge-activity"><thead><tr>';
		foreach ( array(
			__( 'When', 'logto-bridge' ),
			__( 'Where', 'logto-bridge' ),
			__( 'What the visitor was told', 'logto-bridge' ),
			__( 'Code', 'logto-bridge' ),
			__( 'Bridge instance', 'logto-bridge' ),
			__( 'Flow ID', 'logto-bridge' ),
		) as $heading ) {
			echo '<th scope="col">' . esc_html( $heading ) . '</th>';
		}
		echo '</tr></thead><tbody>';
		foreach ( $rows as $row ) {
			echo '<tr><td>' . esc_html( (string) wp_date( $format, (int) $row->occurred_at ) ) . '</td>';
			echo '<td>' . esc_html( self::step_words( (string) $row->step ) ) . '</td>';
			echo '<td>' . esc_html( Error_Messages::get( (string) $row->reason ) ) . '</td>';
			echo '<td><code>' . esc_html( (string) $row->reason ) . '</code></td>';
			echo '<td>' . esc_html( (string) $row->instance ) . '</td>';
			echo '<td><code>' . esc_html( (string) $row->flow ) . '</code></td></tr>';
		}
		echo '</tbody></table></div>';
	}
}

import { registerBlockType, type BlockConfiguration } from '@wordpress/blocks';

import './style.scss';
import Edit from './edit';
import metadata from './block.json';

export type SignInAttributes = {
	label: string;
	mode: 'buttons' | 'phone';
	redirectTo: string;
};

registerBlockType<SignInAttributes>(
	metadata as unknown as BlockConfiguration<SignInAttributes>,
	{
		edit: Edit,
		// Dynamic block: render.php prints it, so nothing is saved in post content.
		save: () => null,
	}
);

const en = {
	signInTitle: 'Sign in',
	registerTitle: 'Create account',
	phoneLabel: 'Phone number',
	phoneHelp: 'With country code, e.g. +1 555 123 4567',
	sendCode: 'Send code',
	orPassword: 'Or sign in with a username and password',
	usernameLabel: 'Username',
	emailLabel: 'Email',
	passwordLabel: 'Password',
	signInButton: 'Sign in',
	createAccountLink: 'Create an account',
	haveAccountLink: 'I already have an account',
	codeTitle: 'Enter verification code',
	codeSentTo: 'The verification code has been sent to {phone}.',
	codeLabel: 'Verification code',
	verify: 'Continue',
	resend: 'Resend code',
	changePhone: 'Use another phone number',
	confirmTitle: 'Create a new account?',
	noAccount: 'No account found for {phone}; create a new one?',
	continue: 'Continue',
	cancel: 'Cancel',
	backToApp: 'Cancel and go back to the app',
	errInvalidPhone: 'Enter a valid phone number with its country code, e.g. +1 555 123 4567.',
	errResendTooSoon: 'Please wait {seconds} seconds before requesting another code.',
	errPhoneRateLimited: 'Too many codes were sent to this number. Try again later.',
	errIpRateLimited: 'Too many codes were requested from your network. Try again later.',
	errSmsFailed: 'We could not send the SMS. Please try again later.',
	errNoCode: 'Request a verification code first.',
	errExpired: 'This verification code has expired. Request a new one.',
	errTooManyAttempts: 'Too many wrong codes. Request a new verification code.',
	errWrongCode: 'The verification code is incorrect. {attempts} attempts left.',
	errSignUpDisabled: 'No account found for {phone}, and new accounts cannot be created here.',
	errWrongPassword: 'The username or password is incorrect.',
	errSessionExpired: 'This sign-in session has expired. Go back to the app and start again.',
	errInvalidParam: 'The sign-in request is invalid: {detail}',
	errorTitle: 'Something went wrong',
	signingOut: 'Signing out…',
	signOutButton: 'Sign out',
	signedOut: 'You have been signed out.',
};

type Messages = typeof en;

const zhCN: Messages = {
	signInTitle: '登录',
	registerTitle: '创建账号',
	phoneLabel: '手机号码',
	phoneHelp: '请包含国家代码，例如 +86 138 0013 8000',
	sendCode: '发送验证码',
	orPassword: '或使用用户名和密码登录',
	usernameLabel: '用户名',
	emailLabel: '邮箱',
	passwordLabel: '密码',
	signInButton: '登录',
	createAccountLink: '创建账号',
	haveAccountLink: '我已有账号',
	codeTitle: '输入验证码',
	codeSentTo: '验证码已发送至 {phone}。',
	codeLabel: '验证码',
	verify: '继续',
	resend: '重新发送',
	changePhone: '使用其他手机号码',
	confirmTitle: '创建新账号？',
	noAccount: '未找到 {phone} 对应的账号，是否创建新账号？',
	continue: '继续',
	cancel: '取消',
	backToApp: '取消并返回应用',
	errInvalidPhone: '请输入有效的手机号码（包含国家代码），例如 +86 138 0013 8000。',
	errResendTooSoon: '请在 {seconds} 秒后再获取验证码。',
	errPhoneRateLimited: '该号码获取验证码次数过多，请稍后再试。',
	errIpRateLimited: '您的网络获取验证码次数过多，请稍后再试。',
	errSmsFailed: '短信发送失败，请稍后再试。',
	errNoCode: '请先获取验证码。',
	errExpired: '验证码已过期，请重新获取。',
	errTooManyAttempts: '验证码错误次数过多，请重新获取。',
	errWrongCode: '验证码不正确，还可尝试 {attempts} 次。',
	errSignUpDisabled: '未找到 {phone} 对应的账号，且不允许创建新账号。',
	errWrongPassword: '用户名或密码不正确。',
	errSessionExpired: '登录会话已过期，请返回应用重新开始。',
	errInvalidParam: '登录请求无效：{detail}',
	errorTitle: '出错了',
	signingOut: '正在退出登录…',
	signOutButton: '退出登录',
	signedOut: '你已退出登录。',
};

export type MessageKey = keyof Messages;
export type Locale = 'en' | 'zh-CN';

/** The first supported locale in a space-separated ui_locales list; English otherwise. */
export function pickLocale(uiLocales: unknown): Locale {
	const list = typeof uiLocales === 'string' ? uiLocales.split(/\s+/) : [];
	for (const tag of list) {
		if (/^zh(-(CN|Hans))?/i.test(tag)) return 'zh-CN';
		if (/^en/i.test(tag)) return 'en';
	}
	return 'en';
}

export function t(locale: Locale, key: MessageKey, vars: Record<string, string | number> = {}): string {
	const template = (locale === 'zh-CN' ? zhCN : en)[key];
	return template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

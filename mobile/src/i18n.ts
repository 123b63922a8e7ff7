/**
 * The app's words in English and Simplified Chinese (the language of the Tencent and Aliyun SMS
 * guides this app follows). The device's language picks one; Logto's pages get the same one
 * (`ui_locales`). WordPress's own messages come in the site's language.
 */
const zhCN: Record< string, string > = {
	'Sign in': '登录',
	'to {site}': '登录到 {site}',
	'Phone number': '手机号码',
	'With its country code. We text you a code.': '请包含国家代码，我们会发送短信验证码。',
	'Send me a code': '发送验证码',
	'Sign in another way': '使用其他方式登录',
	'Enter a valid phone number with its country code, for example +1 201 555 0123.': '请输入包含国家代码的有效手机号码，例如 +86 138 0013 8000。',
	'Signed in as ': '已登录：',
	'User #{id}': '用户 #{id}',
	'Latest posts': '最新文章',
	'No posts yet.': '还没有文章。',
	'Members only': '仅限会员',
	'(no title)': '（无标题）',
	'Comment on {title}': '评论《{title}》',
	'Post comment': '发表评论',
	'Comment posted.': '评论已发表。',
	'Comment posted. It appears once a moderator approves it.': '评论已发表，审核通过后显示。',
	'Sign out': '退出登录',
	'Try again': '重试',
	'Loading…': '加载中…',
	'Opening Logto…': '正在打开 Logto…',
	'Signing out…': '正在退出…',
	'The app is not set up': '应用尚未配置',
	'The site cannot be reached. Check your connection and try again.': '无法连接到网站，请检查网络后重试。',
	'The site answered {status}.': '网站返回了 {status}。',
};

export const catalogs = { 'zh-CN': zhCN };
export type Locale = 'en' | 'zh-CN';

/** The locale for a BCP 47 tag: Simplified Chinese for zh, zh-CN and zh-Hans, else English. */
export const localeOf = (tag: string | undefined): Locale => (/^zh(-(CN|SG|Hans)\b|$)/i.test(tag ?? '') ? 'zh-CN' : 'en');

let current: Locale = 'en';
export const setLocale = (locale: Locale) => {
	current = locale;
};
export const locale = () => current;

/** The words for `en` in the current language, `{name}` replaced by `vars.name`. */
export function t(en: string, vars: Record< string, string | number > = {}): string {
	const template = current === 'zh-CN' ? (zhCN[en] ?? en) : en;
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

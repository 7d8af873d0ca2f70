// Every label of the page in Chinese (the default) and English, the language switch (kept in
// localStorage) and labels for the enumerations the API uses. No network I/O.

// key -> [Chinese, English]. {name} placeholders are filled by t(key, {name: ...}).
const TEXT = {
  'app.title': ['跨境电商正面监管平台', 'CBEC Patrol'],
  'app.today': ['业务日期', 'Business date'],
  'app.application': ['准入申请', 'Admission application'],

  'nav.label': ['主导航', 'Main navigation'],
  'nav.dashboard': ['概览', 'Dashboard'],
  'nav.applications': ['准入申请', 'Applications'],
  'nav.new_application': ['代为登记', 'Register on behalf'],
  'nav.enterprises': ['企业', 'Enterprises'],
  'nav.goods': ['商品备案', 'Goods filings'],
  'nav.new_goods': ['新增商品备案', 'File goods'],
  'nav.lists': ['清单与参数', 'Lists'],
  'nav.audit': ['审计日志', 'Audit log'],
  'nav.portal': ['我的企业', 'My enterprise'],
  'nav.logout': ['退出登录', 'Sign out'],

  'login.title': ['登录', 'Sign in'],
  'login.intro': ['海关监管人员与跨境电商企业用户请使用分配的账号登录。',
                  'Customs officers and CBEC enterprise users sign in with their assigned ' +
                  'account.'],
  'login.username': ['用户名', 'Username'],
  'login.password': ['密码', 'Password'],
  'login.submit': ['登录', 'Sign in'],
  'login.bad_credentials': ['用户名或密码不正确。', 'Wrong username or password.'],

  'common.loading': ['加载中…', 'Loading…'],
  'common.no_rows': ['暂无数据。', 'Nothing here yet.'],
  'common.none': ['无', 'None'],
  'common.yes': ['是', 'Yes'],
  'common.no': ['否', 'No'],
  'common.continue': ['继续', 'Continue'],

  'error.not_found': ['未找到该记录，或您无权查看。',
                      'Not found, or you may not see it.'],
  'error.no_page': ['没有这个页面，或您的角色无权打开。',
                    'There is no such page, or your role may not open it.'],

  'filter.all': ['全部', 'All'],
  'filter.apply': ['筛选', 'Filter'],
  'filter.search': ['搜索', 'Search'],
  'pager.prev': ['上一页', 'Previous'],
  'pager.next': ['下一页', 'Next'],
  'pager.range': ['第 {from}–{to} 条，共 {total} 条', '{from}–{to} of {total}'],

  'col.id': ['编号', 'No.'],
  'col.enterprise': ['企业', 'Enterprise'],
  'col.uscc': ['统一社会信用代码', 'USCC'],
  'col.customs_code': ['海关编码', 'Customs code'],
  'col.roles': ['企业类型', 'Roles'],
  'col.outcome': ['核验结论', 'Verdict'],
  'col.status': ['状态', 'Status'],
  'col.submitted_at': ['提交时间', 'Submitted'],
  'col.filed_at': ['备案时间', 'Filed'],

  'dash.group_applications': ['准入申请', 'Admission applications'],
  'dash.group_enterprises': ['企业', 'Enterprises'],
  'dash.group_goods': ['商品备案', 'Goods filings'],
  'dash.app_submitted': ['待审核', 'Awaiting decision'],
  'dash.app_approved': ['已准入', 'Approved'],
  'dash.app_rejected': ['已驳回', 'Rejected'],
  'dash.app_ineligible': ['核验不通过', 'Failed checks'],
  'dash.ent_pending': ['待准入', 'Pending'],
  'dash.ent_admitted': ['已准入', 'Admitted'],
  'dash.ent_rejected': ['未准入', 'Rejected'],
  'dash.goods_admitted': ['准予备案', 'Admitted'],
  'dash.goods_review': ['需人工复核', 'Needs review'],
  'dash.goods_rejected': ['不予备案', 'Rejected'],
  'dash.waiting': ['待审核的申请', 'Applications awaiting a decision'],

  'apps.none': ['没有符合条件的申请。', 'No applications match.'],
  'apps.search_hint': ['企业名称、信用代码或海关编码', 'Name, USCC or customs code'],
  'ent.none': ['没有符合条件的企业。', 'No enterprises match.'],
  'ent.search_hint': ['企业名称或信用代码', 'Name or USCC'],
  'ent.status_words_pending': ['准入申请审核中，尚未准入。',
                               'The admission application is under review; not admitted yet.'],
  'ent.status_words_admitted': ['已准入，可开展跨境电商零售进口业务并备案商品。',
                                'Admitted: may trade in CBEC retail imports and file goods.'],
  'ent.status_words_rejected': ['准入申请未获通过。', 'The admission application was rejected.'],

  'detail.enterprise': ['企业信息', 'Enterprise'],
  'detail.enterprise_status': ['企业状态', 'Enterprise status'],
  'detail.checklist': ['核验清单', 'Checklist'],
  'detail.history': ['办理记录', 'History'],

  'verdict.none': ['暂无核验结论。', 'No verdict yet.'],
  'verdict.decision_date': ['核验日期', 'Decision date'],
  'verdict.policy_version': ['政策版本', 'Policy version'],

  'decision.title': ['审核决定', 'Decision'],
  'decision.reason': ['理由', 'Reason'],
  'decision.reason_hint': ['写明准予或驳回的理由（必填）',
                           'State why you approve or reject (required)'],
  'decision.reason_required': ['请填写理由。', 'A reason is required.'],
  'decision.approve': ['准予准入', 'Approve'],
  'decision.reject': ['驳回', 'Reject'],
  'decision.ineligible_note': ['核验结论为不合格：只能驳回，或待企业补正后重新申请。',
                               'The checks failed: the application can only be rejected, or ' +
                               'resubmitted once corrected.'],

  'form.section_enterprise': ['企业信息', 'Enterprise'],
  'form.name': ['企业名称', 'Enterprise name'],
  'form.uscc': ['统一社会信用代码', 'Unified social credit code (USCC)'],
  'form.uscc_hint': ['18 位，境外企业可不填', '18 characters; may be empty for an overseas ' +
                     'enterprise'],
  'form.customs_code': ['海关注册编码', 'Customs registration code'],
  'form.customs_code_hint': ['10 位数字或大写字母', '10 digits or capital letters'],
  'form.overseas': ['境外企业', 'Overseas enterprise'],
  'form.country': ['国家（地区）', 'Country (region)'],
  'form.choose_country': ['请选择', 'Choose…'],
  'form.roles': ['企业类型', 'Roles'],
  'form.qualifications': ['资质', 'Qualifications'],
  'form.qualification': ['资质', 'Qualification'],
  'form.qual_type': ['资质类型', 'Type'],
  'form.qual_number': ['证照编号', 'Number'],
  'form.qual_issuer': ['发证机关', 'Issuer'],
  'form.valid_from': ['有效期自', 'Valid from'],
  'form.valid_to': ['有效期至', 'Valid to'],
  'form.valid_to_hint': ['长期有效可不填', 'Leave empty when it does not expire'],
  'form.no_expiry': ['长期', 'No expiry'],
  'form.no_qualifications': ['未提交资质。', 'No qualifications.'],
  'form.agent_uscc': ['境内代理人信用代码', 'Domestic agent USCC'],
  'form.agent_uscc_hint': ['境内代理人的 18 位统一社会信用代码',
                           'The domestic agent\'s 18-character USCC'],
  'form.add_qual': ['添加资质', 'Add qualification'],
  'form.remove_qual': ['删除', 'Remove'],
  'form.shop_urls': ['网店地址', 'Shop URLs'],
  'form.shop_urls_hint': ['每行一个网址', 'One URL per line'],
  'form.account': ['企业账号（可选）', 'Enterprise account (optional)'],
  'form.account_hint': ['填写后为该企业开通门户账号，用于查看准入结果和备案商品。',
                        'Creates a portal login for the enterprise to follow its admission ' +
                        'and file goods.'],
  'form.account_username': ['用户名', 'Username'],
  'form.account_password': ['初始密码', 'Initial password'],
  'form.account_password_hint': ['至少 10 个字符', 'At least 10 characters'],
  'form.account_display_name': ['显示名称', 'Display name'],
  'form.submit_application': ['提交申请', 'Submit application'],
  'form.preview': ['实时核验', 'Live checks'],
  'form.preview_hint': ['页面内运行与服务器相同的核验内核（WebAssembly），' +
                        '提交后将与服务器结论比对。',
                        'The page runs the same decision core as the server (WebAssembly); ' +
                        'on submit the two verdicts are compared.'],
  'form.identifier_ok': ['核验通过，未发现问题', 'Valid: no findings'],
  'form.input_error': ['输入有误：', 'Input error:'],

  'core.loading': ['正在加载核验内核…', 'Loading the decision core…'],
  'core.ready': ['核验内核已就绪', 'Decision core ready'],
  'core.failed': ['核验内核加载失败：', 'The decision core failed to load:'],

  'parity.match': ['页面与服务器结论一致', 'Page and server agree'],
  'parity.mismatch': ['注意：页面与服务器结论不一致，请以服务器结论为准并报告此问题。',
                      'Warning: the page and the server reached different verdicts. The ' +
                      'server\'s verdict stands; please report this.'],
  'parity.show': ['查看两份结论', 'Show both verdicts'],
  'parity.page': ['页面结论', 'Page verdict'],
  'parity.server': ['服务器结论', 'Server verdict'],
  'parity.no_page': ['（页面未能得出结论）', '(the page reached no verdict)'],

  'portal.my_applications': ['本企业的准入申请', 'Our admission applications'],
  'portal.my_goods': ['本企业的商品备案', 'Our goods filings'],
  'portal.no_enterprise': ['该账号未绑定企业。', 'This account is not bound to an enterprise.'],

  'goods.sku': ['商品货号', 'SKU'],
  'goods.name': ['商品名称', 'Goods name'],
  'goods.name_hint': ['按实际商品名称填写', 'The goods\' actual name'],
  'goods.brand': ['品牌', 'Brand'],
  'goods.spec': ['规格型号', 'Specification'],
  'goods.code10': ['商品编码', 'Commodity code'],
  'goods.code10_hint': ['10 位：8 位税则号列 + 2 位附加编号',
                        '10 digits: 8-digit tariff line + 2 supplementary digits'],
  'goods.code8': ['税则号列（8 位）', 'Tariff line (8 digits)'],
  'goods.origin': ['原产国（地区）', 'Origin'],
  'goods.unit': ['申报计量单位', 'Declaration unit'],
  'goods.price': ['申报单价（元）', 'Declared unit price (CNY)'],
  'goods.price_hint': ['例如 199.00', 'e.g. 199.00'],
  'goods.price_bad': ['金额格式不正确：最多两位小数。',
                      'Not an amount: at most two decimals.'],
  'goods.trade_mode': ['贸易方式', 'Trade mode'],
  'goods.submit': ['提交备案', 'File goods'],
  'goods.preview': ['实时核验', 'Live checks'],
  'goods.preview_hint': ['按正面清单、禁限清单、高风险检疫类别及同名异归类比对，' +
                         '提交后与服务器结论比对。',
                         'Checked against the positive list, prohibited/restricted list, ' +
                         'high-risk categories and same-name filings; compared with the ' +
                         'server on submit.'],
  'goods.none': ['暂无商品备案。', 'No goods filings.'],
  'goods.search_hint': ['名称、货号或商品编码', 'Name, SKU or code'],
  'goods.enterprise_id': ['企业编号', 'Enterprise no.'],
  'goods.filing': ['备案信息', 'Filing'],
  'goods.verdict': ['核验结论', 'Verdict'],
  'goods.findings': ['核验发现', 'Findings'],
  'goods.no_findings': ['无问题。', 'No findings.'],
  'goods.positive_entry': ['正面清单条目', 'Positive-list line'],
  'goods.remark': ['备注', 'Remark'],
  'goods.only_admitted': ['企业准入后方可备案商品。', 'Goods can be filed once admitted.'],
  'goods.for_enterprise': ['备案企业：', 'Filing for'],
  'goods.choose_enterprise': ['选择已准入企业', 'Choose an admitted enterprise'],

  'lists.loaded': ['已加载的清单', 'Loaded lists'],
  'lists.policy': ['政策参数', 'Policy in force'],
  'lists.effective': ['生效日期', 'Effective from'],
  'lists.name': ['清单', 'List'],
  'lists.version': ['版本', 'Version'],
  'lists.rows': ['条数', 'Rows'],
  'lists.loaded_at': ['加载时间', 'Loaded'],
  'lists.positive': ['正面清单查询', 'Positive list search'],
  'lists.subset_note': ['演示数据为正面清单的代表性子集，并非完整清单。',
                        'The demo data is a representative subset of the positive list, ' +
                        'not the full list.'],
  'lists.search_hint': ['税号或商品名称', 'Code or goods name'],
  'lists.found': ['共 {n} 条', '{n} entries'],
  'lists.code8': ['税则号列', 'Tariff line'],
  'lists.controls': ['管控', 'Controls'],
  'lists.bonded_only': ['限网购保税', 'Bonded 1210 only'],
  'lists.excluded': ['部分除外', 'Partly excluded'],
  'lists.name_limit': ['限定品名', 'Name restricted'],
  'lists.qty_cap': ['年度限量', 'Annual cap'],
  'lists.qty_cap_value': ['每人每年限 {qty} {unit}', 'At most {qty} {unit} per person per year'],
  'lists.none': ['没有匹配的条目。', 'No matching entries.'],
  'list.divisions': ['行政区划代码', 'Administrative divisions'],
  'list.hs8': ['商品编码目录', 'Commodity catalogue'],
  'list.positive_list': ['正面清单', 'Positive list'],
  'list.controls': ['禁止/限制清单', 'Prohibited / restricted'],
  'list.high_risk': ['高风险检疫类别', 'High-risk quarantine'],
  'list.countries': ['国别（地区）代码', 'Country codes'],

  'audit.chain': ['哈希链校验', 'Hash chain'],
  'audit.chain_hint': ['每条审计记录都包含前一条的哈希值；校验可发现任何篡改或删除。',
                       'Each entry carries the previous entry\'s hash; the check finds any ' +
                       'change or deletion.'],
  'audit.verify': ['校验哈希链', 'Verify chain'],
  'audit.chain_ok': ['校验通过：{n} 条记录完整。', 'Chain intact: {n} entries verified.'],
  'audit.chain_broken': ['校验失败：链在第 {id} 条处断开。', 'Chain broken at entry {id}.'],
  'audit.entries': ['审计记录', 'Entries'],
  'audit.at': ['时间', 'Time'],
  'audit.actor': ['操作人', 'Actor'],
  'audit.system': ['系统', 'System'],
  'audit.action': ['操作', 'Action'],
  'audit.object': ['对象', 'Object'],
  'audit.detail': ['内容', 'Detail'],
  'audit.hash': ['哈希', 'Hash'],
  'audit.none': ['暂无审计记录。', 'No entries.'],
};

// Labels of the API's enumerations, by group then value.
const ENUMS = {
  role: {ecommerce: ['电商企业', 'E-commerce enterprise'], platform: ['电商平台', 'Platform'],
         payment: ['支付企业', 'Payment enterprise'],
         logistics: ['物流企业', 'Logistics enterprise']},
  role_user: {admin: ['管理员', 'Administrator'], officer: ['监管人员', 'Officer'],
              enterprise: ['企业用户', 'Enterprise user']},
  qual: {business_licence: ['营业执照', 'Business licence'], icp_filing: ['ICP备案', 'ICP filing'],
         payment_licence: ['支付业务许可证', 'Payment business licence'],
         express_licence: ['快递业务经营许可证', 'Express delivery licence'],
         domestic_agent: ['境内代理人委托', 'Domestic agent mandate']},
  severity: {error: ['错误', 'Error'], warning: ['警告', 'Warning'], info: ['提示', 'Info']},
  outcome: {eligible: ['核验通过', 'Eligible'], ineligible: ['核验不通过', 'Ineligible'],
            admitted: ['准予备案', 'Admitted'], review: ['需人工复核', 'Review'],
            rejected: ['不予备案', 'Rejected'], invalid: ['输入有误', 'Input error']},
  app_status: {submitted: ['待审核', 'Submitted'], approved: ['已准入', 'Approved'],
               rejected: ['已驳回', 'Rejected']},
  ent_status: {pending: ['待准入', 'Pending'], admitted: ['已准入', 'Admitted'],
               rejected: ['未准入', 'Rejected']},
  item_status: {pass: ['通过', 'Pass'], warn: ['注意', 'Warning'], fail: ['不通过', 'Fail']},
  history: {submitted: ['提交申请', 'Submitted'], approved: ['准予准入', 'Approved'],
            rejected: ['驳回', 'Rejected'], approve: ['准予准入', 'Approved'],
            reject: ['驳回', 'Rejected']},
  trade_mode: {1210: ['1210 网购保税进口', '1210 bonded import'],
               9610: ['9610 直购进口', '9610 direct purchase']},
};

const LANG_KEY = 'patrol.lang';
let current = null;

function storage() {
  try {
    return globalThis.localStorage || null;
  } catch {
    return null;  // storage disabled: the page still works, in Chinese
  }
}

// "zh" (default) or "en".
export function lang() {
  if (current === null) {
    const s = storage();
    current = s && s.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
  }
  return current;
}

export function setLang(value) {
  current = value === 'en' ? 'en' : 'zh';
  const s = storage();
  if (s) s.setItem(LANG_KEY, current);
  applyDocumentLang();
}

// Sets <html lang> and the title to the current language.
export function applyDocumentLang() {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = lang() === 'en' ? 'en' : 'zh-CN';
  document.title = t('app.title');
}

// The label for key in the current language; an unknown key shows as itself so it is noticed.
export function t(key, vars) {
  const pair = TEXT[key];
  let s = pair ? pair[lang() === 'en' ? 1 : 0] : key;
  if (vars) s = s.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
  return s;
}

// The label of an enumeration value (e.g. enumLabel('role', 'platform')); unknown values show raw.
export function enumLabel(group, value) {
  const pair = ENUMS[group] && ENUMS[group][value];
  return pair ? pair[lang() === 'en' ? 1 : 0] : String(value ?? '');
}

// For the tests: every key and enumeration, to check both languages are filled in.
export const CATALOGUE = {TEXT, ENUMS};

/**
 * Published indicators, as data. Each list names its source in `sources.ts`; only values read in
 * a public source are here.
 */

/** SHA-256 of the web shells in Microsoft's HAFNIUM blog (also CSS-Exchange CompareExchangeHashes.ps1). */
export const MS_BLOG_WEBSHELL_SHA256: readonly string[] = [
  'b75f163ca9b9240bf4b37ad92bc7556b40a17e27c2b8ed5c8991385fe07d17d0',
  '097549cf7d0f76f0d99edf8b2d91c60977fd6a96e4b8c3c94b0b1733dc026d3e',
  '2b6f1ebb2208e93ade4a6424555d6a8341fd6d9f60c25e44afe11008f5c1aad1',
  '65149e036fff06026d80ac9ad4d156332822dc93142cf1a122b1841ec8de34b5',
  '511df0e2df9bfa5521b588cc4bb5f8c5a321801b803394ebc493db1ef3c78fa1',
  '4edc7770464a14f54d17f36dc9d0fe854f68b346b27b35a6f5839adf1f13f8ea',
  '811157f9c7003ba8d17b45eb3cf09bef2cecd2701cedb675274949296a6a183d',
  '1631a90eb5395c4e19c7dbcbf611bbe6444ff312eb7937e286e4637cb9e72944',
];

/** SHA-256 rows of Microsoft's MSTIC feed (14; five repeat the blog's list). */
export const MSTIC_FEED_SHA256: readonly string[] = [
  '8e90ed33c7ee82c0b64078ea36ec95f7420ba435c693b3b3dd728b494abf7dfc',
  '2f0bc81c2ea269643cae307239124d1b6479847867b1adfe9ae712a1d5ef135e',
  'a291305f181e24fe7194154b4cd355ccb039d5765709c80999e392efec69c90a',
  '511df0e2df9bfa5521b588cc4bb5f8c5a321801b803394ebc493db1ef3c78fa1',
  'b75f163ca9b9240bf4b37ad92bc7556b40a17e27c2b8ed5c8991385fe07d17d0',
  '4edc7770464a14f54d17f36dc9d0fe854f68b346b27b35a6f5839adf1f13f8ea',
  '811157f9c7003ba8d17b45eb3cf09bef2cecd2701cedb675274949296a6a183d',
  '65149e036fff06026d80ac9ad4d156332822dc93142cf1a122b1841ec8de34b5',
  'e044d9f2d0f1260c3f4a543a1e67f33fcac265be114a1b135fd575b860d2b8c6',
  '2b9838da7edb0decd32b086e47a31e8f5733b5981ad8247a2f9508e232589bff',
  'feb3e6d30ba573ba23f3bd1291ca173b7879706d1fe039c34d53a4fdcdf33ede',
  'dd29e8d47dde124c7d14e614e03ccaab3ecaa50e0a0bef985ed59e98928bc13d',
  '201e4e9910dcdc8c4ffad84b60b328978db8848d265c0b9ba8473cf65dcd0c41',
  '5a5f4a1c7dbac3e1ac900f43415f378e88a7b591aff730d9715b62d6d782bdde',
];

/** Sample hashes named in Volexity's web-shell YARA rules as published by CISA (CHIRP). */
export const VOLEXITY_WEBSHELL_SHA256: readonly string[] = [
  '893cd3583b49cb706b3e55ecb2ed0757b977a21f5c72e041392d1256f31166e2', // SIMPLESEESHARP
  '406b680edc9a1bb0e2c7c451c56904857848b5f15570401450b73b232ff38928', // reGeorg variant
  '2fa06333188795110bba14a482020699a96f76fb1ceb80cbfa2df9d3008b5b0a', // SPORTSBALL
];

/**
 * File paths in the MSTIC feed (unique, as published; the feed lists some twice). Matched by their
 * tail from `\FrontEnd\HttpProxy\`, `\inetpub\` or `\users\`, so another install drive still matches.
 */
export const MSTIC_FEED_PATHS: readonly string[] = [
  ...[
    '8Lw7tAhF9i1pJnRo.aspx',
    'OutlookZH.aspx',
    'authhead.aspx',
    'bob.aspx',
    'current\\one1.aspx',
    'errorPage.aspx',
    'errorPages.aspx',
    'fatal-erro.aspx',
    'log.aspx',
    'logg.aspx',
    'logout.aspx',
    'one.aspx',
    'one1.aspx',
    'shel.aspx',
    'shel2.aspx',
    'shel90.aspx',
    'a.aspx',
    'default.aspx',
    'Current\\google.log',
    'google.log',
  ].map((f) => 'C:\\Program Files\\Microsoft\\Exchange Server\\V15\\FrontEnd\\HttpProxy\\owa\\auth\\' + f),
  'C:\\Program Files\\Microsoft\\Exchange Server\\V15\\FrontEnd\\HttpProxy\\OAB\\log.aspx',
  ...[
    'shell.aspx',
    'Server.aspx',
    'aspnet_client.aspx',
    'aspnet_iisstart.aspx',
    'aspnet_pages.aspx',
    'aspnet_www.aspx',
    'default1.aspx',
    'errorcheck.aspx',
    'iispage.aspx',
    's.aspx',
    'session.aspx',
    'system_web\\log.aspx',
    'xclkmcfldfi948398430fdjkfdkj.aspx',
    'xx.aspx',
    'discover.aspx',
    'HttpProxy.aspx',
    'OutlookEN.aspx',
    'supp0rt.aspx',
    'google.log',
    'services.aspx',
  ].map((f) => 'C:\\inetpub\\wwwroot\\aspnet_client\\' + f),
  'C:\\users\\public\\opera\\opera_browser.exe',
];

/**
 * The .aspx files a standard install has directly in FrontEnd\HttpProxy\owa\auth. This list comes
 * from a community script, not from Microsoft, so a name outside it is only "suspicious".
 */
export const OWA_AUTH_STANDARD_ASPX: readonly string[] = [
  'errorfe.aspx',
  'expiredpassword.aspx',
  'frowny.aspx',
  'logoff.aspx',
  'logon.aspx',
  'outlookcn.aspx',
  'redirsuiteserviceproxy.aspx',
  'signout.aspx',
];

/** The one file Volexity says belongs in FrontEnd\HttpProxy\ecp\auth. */
export const ECP_AUTH_STANDARD: readonly string[] = ['timeoutlogoff.aspx'];

/** Non-browser user agents Volexity saw in POSTs to /owa/auth/Current and /ecp/ (CISA CHIRP, Sigma). */
export const HAFNIUM_BOT_UAS: readonly string[] = [
  'DuckDuckBot/1.0;+(+http://duckduckgo.com/duckduckbot.html)',
  'facebookexternalhit/1.1+(+http://www.facebook.com/externalhit_uatext.php)',
  'Mozilla/5.0+(compatible;+Baiduspider/2.0;++http://www.baidu.com/search/spider.html)',
  'Mozilla/5.0+(compatible;+Bingbot/2.0;++http://www.bing.com/bingbot.htm)',
  'Mozilla/5.0+(compatible;+Googlebot/2.1;++http://www.google.com/bot.html',
  'Mozilla/5.0+(compatible;+Konqueror/3.5;+Linux)+KHTML/3.5.5+(like+Gecko)+(Exabot-Thumbnails)',
  'Mozilla/5.0+(compatible;+Yahoo!+Slurp;+http://help.yahoo.com/help/us/ysearch/slurp)',
  'Mozilla/5.0+(compatible;+YandexBot/3.0;++http://yandex.com/bots)',
  'Mozilla/5.0+(X11;+Linux+x86_64)+AppleWebKit/537.36+(KHTML,+like+Gecko)+Chrome/51.0.2704.103+Safari/537.36',
];
export const HAFNIUM_TOOL_UAS: readonly string[] = [
  'ExchangeServicesClient/0.0.0.0',
  'python-requests/2.19.1',
  'python-requests/2.25.1',
];
export const WEBSHELL_CLIENT_UAS: readonly string[] = [
  'antSword/v2.1',
  'Googlebot/2.1+(+http://www.googlebot.com/bot.html)',
  'Mozilla/5.0+(compatible;+Baiduspider/2.0;++http://www.baidu.com/search/spider.html)',
];
export const OWASSRF_POC_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/105.0.5195.54 Safari/537.36';

/** Values of the user agent / ClientInfo that belong to Exchange itself (CrowdStrike, Sigma, signature-base). */
export const EXCHANGE_OWN_CLIENTS: readonly string[] = [
  'ClientInfo',
  'Microsoft WinRM Client',
  'Exchange BackEnd Probes',
];

/**
 * IIS writes spaces in a user agent as `+`; HttpProxy logs replace commas with spaces. Comparing
 * after turning both into spaces lets one list serve both logs.
 */
export const normaliseUa = (ua: string): string => ua.replace(/[+,]/g, ' ');

/** Addresses Volexity saw in March 2021 (VPS and VPN exits; CISA CHIRP). */
export const VOLEXITY_IPS: readonly string[] = [
  '103.77.192.219',
  '104.140.114.110',
  '104.250.191.110',
  '108.61.246.56',
  '149.28.14.163',
  '157.230.221.198',
  '167.99.168.251',
  '185.250.151.72',
  '192.81.208.169',
  '203.160.69.66',
  '211.56.98.146',
  '5.2.69.14',
  '5.254.43.18',
  '80.92.205.81',
  '91.192.103.43',
];

/** Query keywords of Sigma's "Windows Webshell Strings" (commands passed to a web shell). */
export const WEBSHELL_QUERY_KEYWORDS: readonly string[] = [
  '=whoami',
  '=net%20user',
  '=net+user',
  '=net%2Buser',
  '=cmd%20/c%',
  '=cmd+/c+',
  '=cmd%2B/c%',
  '=cmd%20/r%',
  '=cmd+/r+',
  '=cmd%2B/r%',
  '=cmd%20/k%',
  '=cmd+/k+',
  '=cmd%2B/k%',
  '=powershell%',
  '=powershell+',
  '=tasklist%',
  '=tasklist+',
  '=wmic%',
  '=wmic+',
  '=ssh%',
  '=ssh+',
  '=python%',
  '=python+',
  '=python3%',
  '=python3+',
  '=ipconfig',
  '=wget%',
  '=wget+',
  '=curl%',
  '=curl+',
  '=certutil',
  '=copy%20%5C%5C',
  '=dsquery%',
  '=dsquery+',
  '=nltest%',
  '=nltest+',
];

/** Keywords CERT.LV's script looks for in files under aspnet_client and FrontEnd (a subset, as quoted). */
export const CERT_LV_KEYWORDS: readonly string[] = [
  'jscript',
  'eval(',
  'eval (',
  'processstartinfo',
  'convert.frombase64string',
  'httppostedfile',
  'cmd.exe',
  'powershell.exe',
  'whoami',
];

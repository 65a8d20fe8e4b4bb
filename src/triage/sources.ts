/**
 * Where every rule and indicator comes from. Sigma and signature-base rules are under the Detection
 * Rule License 1.1, which requires the rule author's attribution to travel with every match: each
 * finding carries its source, author and licence.
 */
import type { RuleSource } from './types.ts';

const DRL = 'DRL 1.1 (Detection Rule License)';
const SIGMA = 'https://github.com/SigmaHQ/sigma/blob/master/';
const SIGBASE = 'https://github.com/Neo23x0/signature-base/blob/master/';
const ROTH = 'Florian Roth (Nextron Systems)';

const sigma = (title: string, path: string, author: string): RuleSource => ({
  title: `Sigma rule “${title}”`,
  url: SIGMA + path,
  author,
  licence: DRL,
});
const sigbase = (rule: string, file: string, author: string): RuleSource => ({
  title: `signature-base YARA rule ${rule}`,
  url: SIGBASE + file,
  author,
  licence: DRL,
});

export const SOURCES = {
  tpl: {
    title: 'Microsoft CSS-Exchange: Test-ProxyLogon.ps1',
    url: 'https://github.com/microsoft/CSS-Exchange/blob/main/Security/src/Test-ProxyLogon.ps1',
    author: 'Microsoft CSS Exchange team',
    licence: 'MIT',
  },
  tplHistory: {
    title: 'Test-ProxyLogon.ps1 history: autodiscover-only hits mean no valid address was found',
    url: 'https://github.com/microsoft/CSS-Exchange/commits/main/Security/src/Test-ProxyLogon.ps1',
    author: 'Microsoft CSS Exchange team',
    licence: 'MIT',
  },
  msBlog: {
    title: 'Microsoft Security blog: HAFNIUM targeting Exchange Servers with 0-day exploits (2 March 2021)',
    url: 'https://www.microsoft.com/en-us/security/blog/2021/03/02/hafnium-targeting-exchange-servers/',
    author: 'Microsoft Threat Intelligence Center (MSTIC)',
  },
  msBlogHashes: {
    title: 'Microsoft HAFNIUM blog web-shell SHA-256 list, as kept in CSS-Exchange CompareExchangeHashes.ps1',
    url: 'https://www.microsoft.com/en-us/security/blog/2021/03/02/hafnium-targeting-exchange-servers/',
    author: 'Microsoft Threat Intelligence Center (MSTIC)',
    licence: 'MIT (CSS-Exchange copy)',
  },
  msticFeed: {
    title: 'Microsoft MSTIC IoC feed for the Exchange Server vulnerabilities disclosed March 2021',
    url: 'https://github.com/Azure/Azure-Sentinel/blob/master/Sample%20Data/Feeds/MSTICIoCs-ExchangeServerVulnerabilitiesDisclosedMarch2021.csv',
    author: 'Microsoft Threat Intelligence Center (MSTIC)',
    licence: 'TLP:WHITE (shared freely); repository MIT',
  },
  sentinelProxyLogonUri: {
    title: 'Microsoft Sentinel hunting query “Exchange Server ProxyLogon URI”',
    url: 'https://github.com/Azure/Azure-Sentinel/blob/master/Hunting%20Queries/W3CIISLog/ExchangeServerProxyLogonURI.yaml',
    author: 'Microsoft',
    licence: 'MIT',
  },
  chirp: {
    title: 'CISA CHIRP indicators for alert AA21-062A (Exchange, March 2021)',
    url: 'https://github.com/cisagov/CHIRP/blob/main/indicators/AA21062A.yaml',
    author: 'CISA, with indicators from Volexity and Microsoft',
    licence: 'CC0 1.0',
  },
  chirpVolexity: {
    title: 'CISA CHIRP / Volexity web-shell YARA rules (SIMPLESEESHARP, reGeorg, SPORTSBALL)',
    url: 'https://github.com/cisagov/CHIRP/blob/main/indicators/AA21062A.yaml',
    author: 'Volexity (threatintel@volexity.com), published by CISA',
    licence: 'CC0 1.0',
  },
  volexityPaths: {
    title:
      'Volexity: Active exploitation of Microsoft Exchange zero-day vulnerabilities (2 March 2021), web-shell locations',
    url: 'https://www.volexity.com/blog/2021/03/02/active-exploitation-of-microsoft-exchange-zero-day-vulnerabilities/',
    author: 'Volexity',
  },
  crowdstrikeRps: {
    title: 'CrowdStrike OWASSRF Rps_Http-IOC.ps1',
    url: 'https://github.com/CrowdStrike/OWASSRF/blob/main/Rps_Http-IOC.ps1',
    author: 'CrowdStrike (Erik Iker, Sean Palka, Brian Pitchford, Nicolas Zilio)',
  },
  certLv: {
    title: 'CERT.LV Exchange web-shell detection script (keywords)',
    url: 'https://github.com/cert-lv/exchange_webshell_detection',
    author: 'CERT.LV',
  },
  sigmaHafnium: sigma(
    'Exchange Exploitation Used by HAFNIUM',
    'rules-emerging-threats/2021/TA/HAFNIUM/web_exchange_exploitation_hafnium.yml',
    ROTH,
  ),
  sigmaResetVdir: sigma(
    'ProxyLogon Reset Virtual Directories Based On IIS Log',
    'rules-emerging-threats/2021/Exploits/CVE-2021-26858/web_cve_2021_26858_iis_rce.yml',
    'frack113',
  ),
  sigmaProxyShell: sigma(
    'Exchange ProxyShell Pattern',
    'rules-emerging-threats/2021/Exploits/ProxyShell-Exploit/web_exchange_proxyshell.yml',
    `${ROTH}, Rich Warren`,
  ),
  sigmaProxyShellSuccess: sigma(
    'Successful Exchange ProxyShell Attack',
    'rules-emerging-threats/2021/Exploits/ProxyShell-Exploit/web_exchange_proxyshell_successful.yml',
    `${ROTH}, Rich Warren`,
  ),
  sigmaProxyToken: sigma(
    'CVE-2021-33766 Exchange ProxyToken Exploitation',
    'rules-emerging-threats/2021/Exploits/CVE-2021-33766/web_cve_2021_33766_msexchange_proxytoken.yml',
    `${ROTH}, Max Altgelt (Nextron Systems), Christian Burkard (Nextron Systems)`,
  ),
  sigmaCve202128480: sigma(
    'Exchange Exploitation CVE-2021-28480',
    'rules-emerging-threats/2021/Exploits/CVE-2021-28480/web_cve_2021_28480_exchange_exploit.yml',
    ROTH,
  ),
  sigmaWebshellStrings: sigma(
    'Windows Webshell Strings',
    'rules/web/webserver_generic/web_win_webshells_in_access_logs.yml',
    `${ROTH}, Nasreddine Bencherchali (Nextron Systems)`,
  ),
  sigmaOwassrf: sigma(
    'Potential OWASSRF Exploitation Attempt - Webserver',
    'rules-emerging-threats/2022/Exploits/CVE-2022-41082/web_cve_2022_36804_exchange_owassrf_exploitation.yml',
    'Nasreddine Bencherchali (Nextron Systems)',
  ),
  sigmaOwassrfPoc: sigma(
    'OWASSRF Exploitation Attempt Using Public POC - Webserver',
    'rules-emerging-threats/2022/Exploits/CVE-2022-41082/web_cve_2022_36804_exchange_owassrf_poc_exploitation.yml',
    'Nasreddine Bencherchali (Nextron Systems)',
  ),
  sigmaOabVdir: sigma(
    'ProxyLogon MSExchange OabVirtualDirectory',
    'rules/windows/builtin/msexchange/win_exchange_proxylogon_oabvirtualdir.yml',
    'Florian Roth',
  ),
  sigmaSetOabExternalUrl: sigma(
    'Exchange Set OabVirtualDirectory ExternalUrl Property',
    'rules/windows/builtin/msexchange/win_exchange_set_oabvirtualdirectory_externalurl.yml',
    'Jose Rodriguez @Cyb3rPandaH',
  ),
  sigmaMailboxExport: sigma(
    'Mailbox Export to Exchange Webserver',
    'rules/windows/builtin/msexchange/win_exchange_proxyshell_mailbox_export.yml',
    `${ROTH}, Rich Warren, Christian Burkard (Nextron Systems)`,
  ),
  sigmaCertRequest: sigma(
    'Certificate Request Export to Exchange Webserver',
    'rules/windows/builtin/msexchange/win_exchange_proxyshell_certificate_generation.yml',
    'Max Altgelt',
  ),
  sigmaRemoveExport: sigma(
    'Remove Exported Mailbox from Exchange Webserver',
    'rules/windows/builtin/msexchange/win_exchange_proxyshell_remove_mailbox_export.yml',
    'Christian Burkard',
  ),
  sbEcpOab: sigbase(
    'EXPL_LOG_CVE_2021_27065_Exchange_Forensic_Artefacts_Mar21_1',
    'yara/apt_hafnium_log_sigs.yar',
    'Florian Roth',
  ),
  sbHafniumTraces: sigbase(
    'LOG_APT_HAFNIUM_Exchange_Log_Traces_Mar21_1',
    'yara/apt_hafnium_log_sigs.yar',
    'Florian Roth',
  ),
  sbCleanup: sigbase(
    'LOG_Exchange_Forensic_Artefacts_CleanUp_Activity_Mar21_1',
    'yara/apt_hafnium_log_sigs.yar',
    'Florian Roth',
  ),
  sbProxyShellFailed: sigbase('EXPL_Exchange_ProxyShell_Failed_Aug21_1', 'yara/expl_proxyshell.yar', 'Florian Roth'),
  sbProxyShellSuccess: sigbase(
    'EXPL_Exchange_ProxyShell_Successful_Aug21_1',
    'yara/expl_proxyshell.yar',
    'Florian Roth',
  ),
  sbProxyShellPst: sigbase('WEBSHELL_ASPX_ProxyShell_Aug21_2', 'yara/expl_proxyshell.yar', 'Florian Roth'),
  sbProxyShellDer: sigbase('WEBSHELL_ASPX_ProxyShell_Aug21_3', 'yara/expl_proxyshell.yar', 'Max Altgelt'),
  sbProxyShellPstBase64: sigbase('WEBSHELL_ASPX_ProxyShell_Sep21_1', 'yara/expl_proxyshell.yar', 'Tobias Michalski'),
  sbProxyShellEvalAsf: sigbase(
    'WEBSHELL_ASPX_ProxyShell_Exploitation_Aug21_1',
    'yara/expl_proxyshell.yar',
    'Florian Roth',
  ),
  sbDropHell: sigbase('WEBSHELL_ProxyShell_Exploitation_Nov21_1', 'yara/expl_proxyshell.yar', 'Florian Roth'),
  sbIisConfig: sigbase('APT_IIS_Config_ProxyShell_Artifacts', 'yara/expl_proxyshell.yar', 'Florian Roth'),
  sbIisConfigSusp: sigbase(
    'SUSP_IIS_Config_ProxyShell_Artifacts / SUSP_IIS_Config_VirtualDir',
    'yara/expl_proxyshell.yar',
    'Florian Roth',
  ),
  sbProxyNotShell: sigbase(
    'EXPL_Exchange_ProxyNoShell_Patterns_CVE_2022_41040_Oct22_1',
    'yara/expl_cve_2022_41040_proxynoshell.yar',
    'Florian Roth',
  ),
  sbProxyNotShellPoc: sigbase(
    'LOG_ProxyNotShell_POC_CVE_2022_41040_Nov22',
    'yara/vuln_proxynotshell_cve_2022_41040.yar',
    ROTH,
  ),
  sbOwassrf: sigbase(
    'EXPL_LOG_ProxyNotShell_OWASSRF_PowerShell_Proxy_Log_Dec22_1/2/3',
    'yara/expl_proxynotshell_owassrf_dec22.yar',
    'Florian Roth',
  ),
  sbNotShellProxyLog: sigbase(
    'EXPL_LOG_ProxyNotShell_PowerShell_Proxy_Log_Dec22_1',
    'yara/expl_proxynotshell_owassrf_dec22.yar',
    'Florian Roth',
  ),
  sbChinaChopper: sigbase('ChinaChopper_Generic', 'yara/apt_webshell_chinachopper.yar', 'Florian Roth'),
  sbHafniumChopper: sigbase('APT_WEBSHELL_HAFNIUM_Chopper_WebShell', 'yara/apt_hafnium.yar', 'Markus Neis, Swisscom'),
  sbSecChecker: sigbase('APT_WEBSHELL_HAFNIUM_SecChecker_Mar21_1', 'yara/apt_hafnium.yar', ROTH),
  sbAspEmbedded: sigbase('WEBSHELL_ASP_Embedded_Mar21_1', 'yara/apt_hafnium.yar', ROTH),
  sbMstic27065: sigbase(
    'WEBSHELL_CVE_2021_27065_Webshells',
    'yara/apt_hafnium.yar',
    'Microsoft Threat Intelligence Center (MSTIC)',
  ),
  sbFilenames: {
    title: 'signature-base file name IOCs (Exchange web-shell and ProxyShell locations)',
    url: SIGBASE + 'iocs/filename-iocs.txt',
    author: 'Florian Roth and signature-base contributors',
    licence: DRL,
  },
} satisfies Record<string, RuleSource>;

export type SourceId = keyof typeof SOURCES;

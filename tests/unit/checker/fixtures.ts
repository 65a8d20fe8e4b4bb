/**
 * Real-world paste fixtures. Shapes follow the output of the commands named in each comment
 * (Microsoft Learn "Exchange Server build numbers and release dates", Options 1–3; CSS-Exchange
 * HealthChecker; OfficeDocs-Exchange issue #3170 for AdminDisplayVersion).
 */

/** `Get-Command ExSetup.exe | ForEach-Object { $_.FileVersionInfo }` — default table view. */
export const EXSETUP_TABLE = [
  'ProductVersion   FileVersion      FileName',
  '--------------   -----------      --------',
  '15.01.2176.009   15.01.2176.009   C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\ExSetup.exe',
].join('\r\n');

/** The same through `Invoke-Command -ComputerName EX01,EX02 { … }`: PSComputerName column. */
export const EXSETUP_TABLE_REMOTE = [
  'ProductVersion   FileVersion      FileName                                                          PSComputerName',
  '--------------   -----------      --------                                                          --------------',
  '15.02.1118.009   15.02.1118.009   C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\ExSetup.exe   EX01',
  '15.02.1748.037   15.02.1748.037   C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\ExSetup.exe   EX02',
].join('\n');

/** `… | Format-List` of FileVersionInfo from a remote session. */
export const EXSETUP_LIST = [
  'ProductVersion : 15.02.1118.009',
  'FileVersion    : 15.02.1118.009',
  'FileName       : C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\ExSetup.exe',
  'PSComputerName : EX01',
].join('\n');

/** `Get-ExchangeServer | Format-List Name,Edition,AdminDisplayVersion`, two servers. */
export const GES_LIST = [
  '',
  'Name                : EX01',
  'Edition             : Enterprise',
  'AdminDisplayVersion : Version 15.1 (Build 2176.2)',
  '',
  'Name                : EX02',
  'Edition             : Standard',
  'AdminDisplayVersion : Version 15.2 (Build 1118.7)',
  '',
].join('\r\n');

/** `Get-ExchangeServer | Format-Table Name,Edition,AdminDisplayVersion`. */
export const GES_TABLE = [
  'Name  Edition    AdminDisplayVersion',
  '----  -------    -------------------',
  'EX01  Enterprise Version 15.1 (Build 2507.6)',
  'EX02  Standard   Version 15.2 (Build 2562.17)',
  'EX10  Standard   Version 14.3 (Build 123.4)',
].join('\n');

/** Full `Get-ExchangeServer EX01 | Format-List` excerpt: ExchangeVersion is an AD object version, not a build. */
export const GES_FULL = [
  'Name                            : EX01',
  'AdminDisplayVersion             : Version 15.2 (Build 1748.10)',
  'ExchangeVersion                 : 0.1 (8.0.535.0)',
  'Site                            : contoso.local/Configuration/Sites/Default-First-Site-Name',
].join('\n');

/** HealthChecker "Exchange Information" section. */
export const HEALTHCHECKER = [
  'Exchange Information',
  '---------------------',
  '        Name:                          EX01',
  '        Generation Time:               11/27/2026 10:00:00',
  '        Version:                       Exchange 2019 CU12 May22SU',
  '        Build Number:                  15.2.1118.9',
  '        Server Role:                   Mailbox',
].join('\n');

/** HTTP response headers from OWA. */
export const OWA_HEADERS = [
  'HTTP/1.1 200 OK',
  'Content-Type: text/html; charset=utf-8',
  'Server: Microsoft-IIS/10.0',
  'X-OWA-Version: 15.2.792.10',
  'X-FEServer: EX01',
].join('\r\n');

/** OWA login page HTML. */
export const OWA_HTML =
  '<link rel="shortcut icon" href="/owa/auth/15.1.2176/themes/resources/favicon.ico" type="image/x-icon">\n<script src="/owa/15.1.2176/scripts/boot.worker.js"></script>';

/** ECP resource path. */
export const ECP_PATH = 'GET https://mail.contoso.com/ecp/15.1.2507.6/themes/resources/logo.png';

/** Received header, folded over several lines. */
export const RECEIVED = [
  'Received: from EX01.contoso.local (10.0.0.5) by EX02.contoso.local (10.0.0.6)',
  ' with Microsoft SMTP Server (version=TLS1_2,',
  ' cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.1.2507.16; Tue, 8 Nov 2022',
  ' 10:00:00 +0000',
].join('\r\n');

/** Received header from Exchange Online. */
export const RECEIVED_EO =
  'Received: from AM6PR04MB1234.eurprd04.prod.outlook.com (2603:10a6:20b:1::1) by AM6PR04MB5678.eurprd04.prod.outlook.com with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.5395.21 via Frontend Transport; Mon, 27 Jun 2022 10:00:00 +0000';

/** A mixed paste: prose, tabs, trailing spaces, several servers. */
export const MIXED = [
  'Hi, here are our servers as requested:   ',
  'EX01\t15.1.2176.9  ',
  'EX02\t15.01.2308.008',
  'The OWA page says /owa/auth/15.2.1118/ and our old box is Exchange 2010 SP3 RU31.',
  'Windows is 10.0.17763.1234, Outlook 16.0.14326.20404, .NET 4.0.30319, IP 10.0.0.5, date 15.01.2021.',
].join('\r\n');

// ---- The same server twice: an imprecise line and an exact build (shapes of real pastes). ----

/** `Get-ExchangeServer EX01 | fl Name,AdminDisplayVersion`, then `ExSetup` FileVersionInfo as a list from the same server. */
export const GES_THEN_EXSETUP_LIST = [
  'Name                : EX01',
  'AdminDisplayVersion : Version 15.1 (Build 2507.6)',
  '',
  'ProductVersion : 15.01.2507.039',
  'FileVersion    : 15.01.2507.039',
  'FileName       : C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\ExSetup.exe',
].join('\r\n');

/** Two servers from `Get-ExchangeServer | ft`, then `Invoke-Command -ComputerName EX01,EX02 { ExSetup }`. */
export const GES_TABLE_THEN_REMOTE_EXSETUP = [
  'Name  Edition    AdminDisplayVersion',
  '----  -------    -------------------',
  'EX01  Enterprise Version 15.2 (Build 1118.7)',
  'EX02  Standard   Version 15.2 (Build 1544.4)',
  '',
  'ProductVersion   FileVersion      FileName                                                          PSComputerName',
  '--------------   -----------      --------                                                          --------------',
  '15.02.1118.026   15.02.1118.026   C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\ExSetup.exe   ex01.contoso.local',
  '15.02.1544.004   15.02.1544.004   C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\ExSetup.exe   EX02',
].join('\n');

/** A custom prompt naming each host above its output. */
export const PROMPTS_NAMING_HOSTS = [
  'On EX01-2013 C:\\>Get-ExchangeServer EX01-2013 | fl AdminDisplayVersion',
  '',
  'AdminDisplayVersion : Version 15.0 (Build 1497.2)',
  '',
  'On EX01-2013 C:\\>Get-Command ExSetup.exe | ForEach-Object { $_.FileVersionInfo }',
  '',
  'ProductVersion   FileVersion      FileName',
  '--------------   -----------      --------',
  '15.00.1497.012   15.00.1497.012   C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\ExSetup.exe',
  '',
  'On EX02-2013 C:\\>Get-Command ExSetup.exe | ForEach-Object { $_.FileVersionInfo }',
  '',
  'ProductVersion   FileVersion      FileName',
  '--------------   -----------      --------',
  '15.00.1497.002   15.00.1497.002   C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\ExSetup.exe',
].join('\n');

/** A remote session (`Enter-PSSession EX02`): the remote prompt names the host; the org-wide listing names its own rows. */
export const REMOTE_SESSION = [
  '[PS] C:\\Windows\\system32>Enter-PSSession EX02',
  '[EX02]: PS C:\\Users\\admin\\Documents> (Get-Command ExSetup.exe).FileVersionInfo | fl ProductVersion',
  '',
  'ProductVersion : 15.01.2507.055',
  '',
  '[EX02]: PS C:\\Users\\admin\\Documents> Exit-PSSession',
  '[PS] C:\\Windows\\system32>Get-ExchangeServer | ft Name,AdminDisplayVersion',
  '',
  'Name AdminDisplayVersion',
  '---- -------------------',
  'EX01 Version 15.1 (Build 2507.6)',
  'EX02 Version 15.1 (Build 2507.6)',
].join('\n');

/** Exchange 2010: AdminDisplayVersion shows the service pack only; ExSetup shows the rollup. No name anywhere. */
export const EX2010_ADV_THEN_EXSETUP = [
  'AdminDisplayVersion : Version 14.3 (Build 123.4)',
  '',
  'ProductVersion   FileVersion      FileName',
  '--------------   -----------      --------',
  '14.03.0513.000   14.03.0513.000   C:\\Program Files\\Microsoft\\Exchange Server\\V14\\bin\\ExSetup.exe',
].join('\n');

/** HealthChecker whose Version label lags behind the installed CU. */
export const HEALTHCHECKER_LAGGING_LABEL = [
  'Exchange Information',
  '---------------------',
  '        Name:                          MBX-7',
  '        Version:                       Exchange 2019 CU11',
  '        Build Number:                  15.2.1118.20',
  '        Server Role:                   Mailbox',
].join('\n');

// ---- Builds a tool or a person quotes that are not the server's own. ----

/** An nmap OWA-version script: the server's 3-part version, a candidate list of CUs. */
export const NMAP_CANDIDATES =
  '443/tcp open  https\n|_http-vuln-exchange: (15.1.2176) Exchange 2016 potentially vulnerable, check latest security update is applied (Exchange 2016 CU18 or CU19 installed)';

/** A scanner line that quotes the build it compares against. */
export const NMAP_THRESHOLD = '|_http-vuln-exchange: (15.2.1118) Exchange 2019 after CU8, PATCHED (> 15.2.792)';

/** A scanner that lists the fixed builds next to the server's own. */
export const SCANNER_FIXED_IN = [
  'Nmap scan report for mail.contoso.com (192.0.2.10)',
  '| exchange-proxylogon:',
  '|   Exchange version 15.1.2106.2 is VULNERABLE (fixed in 15.1.2106.13 / 15.1.2176.9 / 15.2.792.10)',
].join('\n');

/** Prose: the installed version and one that is missing. */
export const PROSE_MISSING = 'Our box runs Exchange 2016 CU13. Exchange 2016 CU14 is missing, the update failed.';

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

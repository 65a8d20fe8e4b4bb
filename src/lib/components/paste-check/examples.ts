/** Example inputs the user can click, one per common format. */
export const EXAMPLES: readonly { label: string; text: string }[] = [
  { label: 'One build number', text: '15.1.2176.2' },
  {
    label: 'ExSetup output, 3 servers',
    text: [
      'ProductVersion   FileVersion      FileName                                                          PSComputerName',
      '--------------   -----------      --------                                                          --------------',
      '15.01.2507.006   15.01.2507.006   C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\ExSetup.exe   EX01',
      '15.02.1118.009   15.02.1118.009   C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\ExSetup.exe   EX02',
      '15.02.2562.017   15.02.2562.017   C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\ExSetup.exe   EX03',
    ].join('\n'),
  },
  {
    label: 'Get-ExchangeServer',
    text: [
      'Name                : EX01',
      'Edition             : Standard',
      'AdminDisplayVersion : Version 15.1 (Build 2176.2)',
    ].join('\n'),
  },
  {
    label: 'An OWA response header',
    text: ['HTTP/1.1 200 OK', 'Server: Microsoft-IIS/10.0', 'X-OWA-Version: 15.2.792.10', 'X-FEServer: EX01'].join(
      '\n',
    ),
  },
  { label: 'Exchange Online', text: 'X-OWA-Version: 15.20.7452.28' },
];

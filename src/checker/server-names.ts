/**
 * Server names in pasted text: where a paste says which server a version belongs to, and when two
 * names are the same server. A name only labels a row and decides which mentions are one server;
 * it never changes a verdict. Every regex is anchored, bounded and runs on one line.
 */

/** A server name: a host name or FQDN, as PowerShell and inventories print it. */
const HOST = String.raw`[A-Za-z][\w.-]{0,62}`;
const SERVER_NAME = new RegExp(`^${HOST}$`);

/** Words and labels that stand where a name could be without being a server's name. */
const NOT_A_NAME =
  /^(?:(?:admindisplay|product|file|x-owa-)?version|build(?:number)?|exchange.*|exsetup(?:\.exe)?|owa|ecp|server(?:name)?|name|identity|ip|host(?:name)?|localhost|(?:ps)?computer(?:name)?|machine|ver|v|value|installed|current|latest|target|release|update|patched|unpatched|vulnerable|fixed|microsoft|outlook|windows|product|(?:cu|sp|su|rtm|kb|hu)\d*|[a-z]{3}\d{2}(?:su|hu)(?:v\d+)?)$/i;

/** True for text that can name a server: host-shaped, not a label or update name, not ending in a dot. */
export function isServerName(text: string): boolean {
  return SERVER_NAME.test(text) && !NOT_A_NAME.test(text) && !text.endsWith('.');
}

// "Name : EX01" in Format-List output (Get-ExchangeServer, HealthChecker, FileVersionInfo from a remote session).
const NAME_LINE =
  /^\s*(Name|Server|Server ?Name|PSComputerName|ComputerName|Identity)\s*:\s*([A-Za-z0-9][A-Za-z0-9._-]{0,62})\s*$/i;

/** A "Label : value" line naming a server. `strong`: the label names a server even in other objects' output. */
export interface NameLine {
  name: string;
  /**
   * `Server`, `ServerName`, `PSComputerName`, `ComputerName` always name a server; `Name` and `Identity`
   * name whatever object is listed (a mailbox database lists its own `Name` and its `Server`).
   */
  strong: boolean;
}

/** @example nameLine('Name                : EX01') // { name: 'EX01', strong: false } */
export function nameLine(lineText: string): NameLine | null {
  if (lineText.length >= 120 || !lineText.includes(':')) return null;
  const m = NAME_LINE.exec(lineText);
  if (!m?.[1] || !m[2]) return null;
  const label = m[1].toLowerCase();
  return { name: m[2], strong: label !== 'name' && label !== 'identity' };
}

const BUILD_TEXT = String.raw`\d{1,2}\.\d{1,2}\.\d{1,5}(?:\.\d{1,4})?`;
const PAIR_SEPARATOR = String.raw`"?(?:\s*[,;|\t]\s*|\s+)"?`;
/**
 * A line that is only a server's name and its build, in either order, as lists and CSV exports give
 * them: "EX01 15.1.2176.9", "EX01,15.1.2176.9", "\"ex01.contoso.local\";\"15.1.2176.9\"", "15.1.2176.9 | EX01".
 */
const NAME_THEN_BUILD = new RegExp(String.raw`^\s*"?(${HOST})${PAIR_SEPARATOR}(${BUILD_TEXT})"?\s*$`);
const BUILD_THEN_NAME = new RegExp(String.raw`^\s*"?(${BUILD_TEXT})${PAIR_SEPARATOR}(${HOST})"?\s*$`);

/** The server name on a "name and build only" line, or null. @example pairedName('EX01\t15.1.2176.9') // 'EX01' */
export function pairedName(lineText: string): string | null {
  if (lineText.length > 120) return null;
  const m = NAME_THEN_BUILD.exec(lineText);
  const name = m ? m[1] : BUILD_THEN_NAME.exec(lineText)?.[2];
  return name && isServerName(name) ? name : null;
}

// PowerShell prompts: "[EX01]: PS C:\>" (remote session), "On EX01 C:\>" (a custom prompt naming the host),
// "[PS] C:\Windows\system32>" (Exchange Management Shell) and "PS C:\>" (no host). The path before ">" is bounded.
const REMOTE_PROMPT = new RegExp(String.raw`^\s*\[(${HOST})\]:\s*(?:\[PS\]|PS)[^>]{0,260}>(.*)$`);
const ON_PROMPT = new RegExp(String.raw`^\s*On\s+(${HOST})\s+[A-Za-z]:\\[^>]{0,260}>(.*)$`);
const LOCAL_PROMPT = /^\s*(?:\[PS\]|PS)\s*(?:[A-Za-z]:[^>]{0,260})?>(.*)$/;
const ENTER_SESSION = new RegExp(String.raw`\bEnter-PSSession\s+(?:-(?:ComputerName|CN)\s+)?["']?(${HOST})`, 'i');
const EXIT_SESSION = /^\s*(?:Exit-PSSession|exit)\b/i;
// Commands about one named server; Get-ExchangeServer without an identity lists every server of the organisation.
const GES = new RegExp(String.raw`\bGet-ExchangeServer\b(?:\s+(?:-Identity\s+)?["']?(${HOST}))?`, 'i');
const INVOKE_ONE = new RegExp(
  String.raw`\bInvoke-Command\b.{0,200}?-ComputerName\s+["']?(${HOST})["']?(?![\w.-]|\s*,)`,
  'i',
);

/** What a prompt line says about the server whose output follows it. */
export interface Prompt {
  /** Host named by the prompt itself (`[EX01]: PS C:\>`, `On EX01 C:\>`), or null. */
  host: string | null;
  /** Host a command on the line names for its own output (`Get-ExchangeServer EX02`), or null. */
  commandHost: string | null;
  /** `Enter-PSSession EX02`: later prompts without a host are on EX02; `null`: no change; `''`: the session ended. */
  session: string | null;
  /** The command lists every server of the organisation (`Get-ExchangeServer` without an identity). */
  orgWide: boolean;
}

/**
 * Read a PowerShell prompt line, or null when the line is not one.
 *
 * @example promptLine('[EX01]: PS C:\\> Get-Command ExSetup.exe')?.host // 'EX01'
 * @example promptLine('[PS] C:\\>Get-ExchangeServer | fl')?.orgWide // true
 */
export function promptLine(lineText: string): Prompt | null {
  if (lineText.length > 2000 || !lineText.includes('>')) return null;
  let host: string | null = null;
  let command: string | undefined;
  const remote = REMOTE_PROMPT.exec(lineText) ?? ON_PROMPT.exec(lineText);
  if (remote) {
    host = remote[1] && isServerName(remote[1]) ? remote[1] : null;
    command = remote[2];
  } else command = LOCAL_PROMPT.exec(lineText)?.[1];
  if (command === undefined) return null;
  const enter = ENTER_SESSION.exec(command)?.[1];
  const session = enter && isServerName(enter) ? enter : EXIT_SESSION.test(command) ? '' : null;
  const ges = GES.exec(command);
  const named = ges ? ges[1] : INVOKE_ONE.exec(command)?.[1];
  const commandHost = named && isServerName(named) ? named : null;
  return { host, commandHost, session, orgWide: ges !== null && commandHost === null };
}

/**
 * The identity used to decide that two names are one server: case-insensitive, and a short name equals
 * an FQDN that starts with it when exactly one FQDN in the paste does (`EX01` and `ex01.contoso.local`).
 * Two different FQDNs are two servers.
 *
 * @example serverKeys(['EX01', 'ex01.contoso.local', 'EX02']).get('EX01') // 'ex01.contoso.local'
 */
export function serverKeys(names: Iterable<string>): Map<string, string> {
  const fqdnsOfShort = new Map<string, Set<string>>();
  const all = new Set<string>();
  for (const name of names) {
    const lower = name.toLowerCase();
    all.add(name);
    const dot = lower.indexOf('.');
    if (dot <= 0) continue;
    const short = lower.slice(0, dot);
    const set = fqdnsOfShort.get(short) ?? new Set<string>();
    set.add(lower);
    fqdnsOfShort.set(short, set);
  }
  const keys = new Map<string, string>();
  for (const name of all) {
    const lower = name.toLowerCase();
    const fqdns = lower.includes('.') ? null : fqdnsOfShort.get(lower);
    keys.set(name, fqdns && fqdns.size === 1 ? [...fqdns][0]! : lower);
  }
  return keys;
}

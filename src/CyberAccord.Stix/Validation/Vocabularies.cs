using System.Collections.Frozen;

namespace CyberAccord.Stix.Validation;

/// <summary>The STIX 2.1 vocabularies (§10) and enumerations. Open ones warn on other values; closed ones reject them.</summary>
public static class Vocabularies
{
    private static FrozenSet<string> Set(params string[] values) => values.ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> AccountType = Set(
        "facebook", "ldap", "nis", "openid", "radius", "skype", "tacacs", "twitter", "unix", "windows-local", "windows-domain");
    public static readonly FrozenSet<string> AttackMotivation = Set(
        "accidental", "coercion", "dominance", "ideology", "notoriety", "organizational-gain", "personal-gain", "personal-satisfaction",
        "revenge", "unpredictable");
    public static readonly FrozenSet<string> AttackResourceLevel = Set(
        "individual", "club", "contest", "team", "organization", "government");
    public static readonly FrozenSet<string> GroupingContext = Set("suspicious-activity", "malware-analysis", "unspecified");
    public static readonly FrozenSet<string> HashAlgorithm = Set(
        "MD5", "SHA-1", "SHA-256", "SHA-512", "SHA3-256", "SHA3-512", "SSDEEP", "TLSH");
    public static readonly FrozenSet<string> IdentityClass = Set("individual", "group", "system", "organization", "class", "unknown");
    public static readonly FrozenSet<string> ImplementationLanguage = Set(
        "applescript", "bash", "c", "c++", "c#", "go", "java", "javascript", "lua", "objective-c", "perl", "php", "powershell", "python",
        "ruby", "scala", "swift", "typescript", "visual-basic", "x86-32", "x86-64");
    public static readonly FrozenSet<string> IndicatorType = Set(
        "anomalous-activity", "anonymization", "benign", "compromised", "malicious-activity", "attribution", "unknown");
    public static readonly FrozenSet<string> IndustrySector = Set(
        "agriculture", "aerospace", "automotive", "chemical", "commercial", "communications", "construction", "defense", "education",
        "energy", "entertainment", "financial-services", "government", "government-emergency-services", "government-local",
        "government-national", "government-public-services", "government-regional", "healthcare", "hospitality-leisure", "infrastructure",
        "infrastructure-dams", "infrastructure-nuclear", "infrastructure-water", "insurance", "manufacturing", "mining", "non-profit",
        "pharmaceuticals", "retail", "technology", "telecommunications", "transportation", "utilities");
    public static readonly FrozenSet<string> InfrastructureType = Set(
        "amplification", "anonymization", "botnet", "command-and-control", "control-system", "exfiltration", "firewall", "hosting-malware",
        "hosting-target-lists", "phishing", "reconnaissance", "routers-switches", "staging", "workstation", "unknown");
    public static readonly FrozenSet<string> MalwareResult = Set("malicious", "suspicious", "benign", "unknown");
    public static readonly FrozenSet<string> MalwareCapabilities = Set(
        "accesses-remote-machines", "anti-debugging", "anti-disassembly", "anti-emulation", "anti-memory-forensics", "anti-sandbox",
        "anti-vm", "captures-input-peripherals", "captures-output-peripherals", "captures-system-state-data", "cleans-traces-of-infection",
        "commits-fraud", "communicates-with-c2", "compromises-data-availability", "compromises-data-integrity",
        "compromises-system-availability", "controls-local-machine", "degrades-security-software", "degrades-system-updates",
        "determines-c2-server", "emails-spam", "escalates-privileges", "evades-av", "exfiltrates-data", "fingerprints-host",
        "hides-artifacts", "hides-executing-code", "infects-files", "infects-remote-machines", "installs-other-components",
        "persists-after-system-reboot", "prevents-artifact-access", "prevents-artifact-deletion", "probes-network-environment",
        "self-modifies", "steals-authentication-credentials", "violates-system-operational-integrity");
    public static readonly FrozenSet<string> MalwareType = Set(
        "adware", "backdoor", "bot", "bootkit", "ddos", "downloader", "dropper", "exploit-kit", "keylogger", "ransomware",
        "remote-access-trojan", "resource-exploitation", "rogue-security-software", "rootkit", "screen-capture", "spyware", "trojan",
        "unknown", "virus", "webshell", "wiper", "worm");
    public static readonly FrozenSet<string> PatternType = Set("stix", "pcre", "sigma", "snort", "suricata", "yara");
    public static readonly FrozenSet<string> ProcessorArchitecture = Set(
        "alpha", "arm", "ia-64", "mips", "powerpc", "sparc", "x86", "x86-64");
    public static readonly FrozenSet<string> Region = Set(
        "africa", "eastern-africa", "middle-africa", "northern-africa", "southern-africa", "western-africa", "americas",
        "latin-america-caribbean", "south-america", "caribbean", "central-america", "northern-america", "asia", "central-asia",
        "eastern-asia", "southern-asia", "south-eastern-asia", "western-asia", "europe", "eastern-europe", "northern-europe",
        "southern-europe", "western-europe", "oceania", "antarctica", "australia-new-zealand", "melanesia", "micronesia", "polynesia");
    public static readonly FrozenSet<string> ReportType = Set(
        "attack-pattern", "campaign", "identity", "indicator", "intrusion-set", "malware", "observed-data", "threat-actor", "threat-report",
        "tool", "vulnerability");
    public static readonly FrozenSet<string> ThreatActorType = Set(
        "activist", "competitor", "crime-syndicate", "criminal", "hacker", "insider-accidental", "insider-disgruntled", "nation-state",
        "sensationalist", "spy", "terrorist", "unknown");
    public static readonly FrozenSet<string> ThreatActorRole = Set(
        "agent", "director", "independent", "infrastructure-architect", "infrastructure-operator", "malware-author", "sponsor");
    public static readonly FrozenSet<string> ThreatActorSophistication = Set(
        "none", "minimal", "intermediate", "advanced", "expert", "innovator", "strategic");
    public static readonly FrozenSet<string> ToolType = Set(
        "denial-of-service", "exploitation", "information-gathering", "network-capture", "credential-exploitation", "remote-access",
        "vulnerability-scanning", "unknown");
    public static readonly FrozenSet<string> MarkingDefinitionType = Set("statement", "tlp");

    public static readonly FrozenSet<string> EncryptionAlgorithm = Set("AES-256-GCM", "ChaCha20-Poly1305", "mime-type-indicated");
    public static readonly FrozenSet<string> Opinion = Set("strongly-disagree", "disagree", "neutral", "agree", "strongly-agree");
    public static readonly FrozenSet<string> ExtensionType = Set(
        "new-sdo", "new-sco", "new-sro", "property-extension", "toplevel-property-extension");
    public static readonly FrozenSet<string> WindowsRegistryDatatype = Set(
        "REG_NONE", "REG_SZ", "REG_EXPAND_SZ", "REG_BINARY", "REG_DWORD", "REG_DWORD_BIG_ENDIAN", "REG_DWORD_LITTLE_ENDIAN", "REG_LINK",
        "REG_MULTI_SZ", "REG_RESOURCE_LIST", "REG_FULL_RESOURCE_DESCRIPTION", "REG_RESOURCE_REQUIREMENTS_LIST", "REG_QWORD",
        "REG_INVALID_TYPE");
    public static readonly FrozenSet<string> TlpLevel = Set("white", "green", "amber", "red");

    /// <summary>Hex digits per hash for the algorithms whose length is fixed.</summary>
    public static readonly FrozenDictionary<string, int> HashHexLength = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["MD5"] = 32,
        ["SHA-1"] = 40,
        ["SHA-256"] = 64,
        ["SHA-512"] = 128,
        ["SHA3-256"] = 64,
        ["SHA3-512"] = 128,
    }.ToFrozenDictionary(StringComparer.Ordinal);
}

using System.Text;
using System.Text.Json.Nodes;
using CyberAccord.Accord.Node;
using CyberAccord.Accord.Records;

namespace CyberAccord.Accord.Scenario;

/// <summary>
/// The reference events of 2013–2025 (shared/scenario/seed-events.md) as signed records: each a claim as
/// reported, never a finding. Where a record needs a field the reports do not give (likelihood, confidence,
/// deadlines), the value is marked in the record's text. The one exchange the reports do not contain is
/// labelled illustrative.
/// </summary>
public static class ReferenceScenario
{
    public const string Cn = "party--cn";
    public const string Us = "party--us";
    public const string De = "party--de";
    public const string Un = "party--un";

    public static readonly (string Id, string Code, string Name, string Kind)[] Parties =
    [
        (Cn, "CN", "People's Republic of China", "state"),
        (Us, "US", "United States of America", "state"),
        (De, "DE", "Federal Republic of Germany", "state"),
        (Un, "UN", "United Nations Office for Disarmament Affairs (Geneva)", "observer"),
    ];

    /// <summary>Writes the scenario into <paramref name="node"/>, signing each record with its author's key.</summary>
    public static async Task WriteAsync(AccordNode node, Func<string, PartyKey> keyOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(keyOf);

        // A record's id hashes its body (see Slug), so bodies stay byte for byte as written: a long line is continued
        // by closing its raw literal and concatenating the next (""" + """), which adds no line break.
        async Task<string> Add(string kind, string author, string created, string body, string? id = null)
        {
            var record = AccordRecord.Sign(
                kind,
                id ?? $"{kind}--{Slug(kind, author, created, body)}",
                author,
                DateTime.Parse(
                    created,
                    System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal),
                JsonNode.Parse(body)!.AsObject(),
                keyOf(author));
            await node.SubmitAsync(record, cancellationToken).ConfigureAwait(false);
            return record.Id;
        }

        // Parties and their points of contact (contact details are placeholders on reserved example domains).
        foreach (var (id, code, name, kind) in Parties)
        {
            var key = keyOf(id);
            var contacts = id switch
            {
                Cn => """[{"role":"diplomatic","name":"Ministry of Foreign Affairs, """
                    + """Coordinator for Cyber Affairs","email":"cyber@mfa.cn.example","languages":["zh","en"]},"""
                    + """{"role":"technical","name":"National CERT","email":"cert@cert.cn.example","languages":["zh","en"]}]""",
                Us => """[{"role":"diplomatic","name":"Department of State, """
                    + """Office of the Coordinator for Cyber Issues","email":"cyber@state.us.example","languages":["en"]},"""
                    + """{"role":"technical","name":"National CSIRT","email":"csirt@cisa.us.example","languages":["en"]}]""",
                De => """[{"role":"diplomatic","name":"Federal Foreign Office, """
                    + """International Cyber Policy Coordination","email":"cyber@aa.de.example","languages":["de","en"]},"""
                    + """{"role":"technical","name":"CERT-Bund","email":"cert@bsi.de.example","languages":["de","en"]}]""",
                _ => """[{"role":"diplomatic","name":"UNODA Geneva Branch","email":"unoda-geneva@un.example","languages":["en","fr"]}]""",
            };
            await Add(
                RecordKinds.Party,
                id,
                "2013-01-01",
                $$"""{"code":"{{code}}","name":"{{name}}","kind":"{{kind}}","contacts":{{contacts}},"keys":"""
                    + $$"""[{"public_key":"{{Convert.ToBase64String(key.PublicKey)}}"}]}""",
                id).ConfigureAwait(false);
        }

        // Critical-infrastructure designations: each party's own list, mapped to common categories so they can be compared.
        await Add(RecordKinds.Designation, Us, "2013-02-12", """
            {"framework":"PPD-21 (2013), retained by NSM-22 (2024)","legal_basis":"Presidential Policy Directive 21",
            """ + """
            "effective":"2013-02-12T00:00:00Z",
             "sectors":[{"id":"chemical","name":"Chemical","category":"chemical"},
            """ + """
            {"id":"commercial-facilities","name":"Commercial Facilities","category":"commercial"},
               {"id":"communications","name":"Communications","category":"telecommunications"},
            """ + """
            {"id":"critical-manufacturing","name":"Critical Manufacturing","category":"manufacturing"},
               {"id":"dams","name":"Dams","category":"water"},
            """ + """
            {"id":"defense-industrial-base","name":"Defense Industrial Base","category":"defence"},
               {"id":"emergency-services","name":"Emergency Services","category":"emergency-services"},
            """ + """
            {"id":"energy","name":"Energy","category":"energy"},
               {"id":"financial-services","name":"Financial Services","category":"finance"},
            """ + """
            {"id":"food-agriculture","name":"Food and Agriculture","category":"food"},
               {"id":"government-facilities","name":"Government Facilities","category":"government"},
            """ + """
            {"id":"healthcare-public-health","name":"Healthcare and Public Health","category":"health"},
               {"id":"information-technology","name":"Information Technology","category":"information-technology"},
            """ + """
            {"id":"nuclear","name":"Nuclear Reactors, Materials, and Waste","category":"nuclear"},
               {"id":"transportation","name":"Transportation Systems","category":"transport"},
            """ + """
            {"id":"water-wastewater","name":"Water and Wastewater Systems","category":"water"}],
             "scopes":[{"sector":"government-facilities","ipv4":["198.51.100.0/24"],"domains":["gov.us.example"]}]}
            """, "ci-designation--us-ppd21").ConfigureAwait(false);
        await Add(RecordKinds.Designation, Us, "2017-01-06", """
            {"framework":"PPD-21 with election infrastructure (subsector of Government Facilities since 6 Jan 2017)",
            """ + """
            "legal_basis":"PPD-21; DHS designation of 6 January 2017","effective":"2017-01-06T00:00:00Z","version":2,
             "sectors":[{"id":"chemical","name":"Chemical","category":"chemical"},
            """ + """
            {"id":"commercial-facilities","name":"Commercial Facilities","category":"commercial"},
               {"id":"communications","name":"Communications","category":"telecommunications"},
            """ + """
            {"id":"critical-manufacturing","name":"Critical Manufacturing","category":"manufacturing"},
               {"id":"dams","name":"Dams","category":"water"},
            """ + """
            {"id":"defense-industrial-base","name":"Defense Industrial Base","category":"defence"},
               {"id":"emergency-services","name":"Emergency Services","category":"emergency-services"},
            """ + """
            {"id":"energy","name":"Energy","category":"energy"},
               {"id":"financial-services","name":"Financial Services","category":"finance"},
            """ + """
            {"id":"food-agriculture","name":"Food and Agriculture","category":"food"},
               {"id":"government-facilities","name":"Government Facilities","category":"government"},
            """ + """
            {"id":"election-infrastructure","name":"Election Infrastructure","category":"elections"},
               {"id":"healthcare-public-health","name":"Healthcare and Public Health","category":"health"},
            """ + """
            {"id":"information-technology","name":"Information Technology","category":"information-technology"},
               {"id":"nuclear","name":"Nuclear Reactors, Materials, and Waste","category":"nuclear"},
            """ + """
            {"id":"transportation","name":"Transportation Systems","category":"transport"},
               {"id":"water-wastewater","name":"Water and Wastewater Systems","category":"water"}],
             "scopes":[{"sector":"government-facilities","ipv4":["198.51.100.0/24"],"domains":["gov.us.example"]}]}
            """, "ci-designation--us-ppd21").ConfigureAwait(false);
        await Add(RecordKinds.Designation, Cn, "2017-06-01", """
            {"framework":"Cybersecurity Law (2017), Art. 31","legal_basis":"Cybersecurity Law of the PRC, Art. 31",
            """ + """
            "effective":"2017-06-01T00:00:00Z",
             "sectors":[{"id":"public-communication-information-services","name":"Public communication and information services",
            """ + """
            "category":"telecommunications"},
               {"id":"energy","name":"Energy","category":"energy"},{"id":"transportation","name":"Transportation","category":"transport"},
            """ + """
            {"id":"water-conservancy","name":"Water conservancy","category":"water"},
               {"id":"finance","name":"Finance","category":"finance"},
            """ + """
            {"id":"public-services","name":"Public services","category":"public-services"},
            """ + """
            {"id":"e-government","name":"E-government","category":"government"}],
             "scopes":[{"sector":"e-government","ipv4":["203.0.113.0/24"],"domains":["gov.cn.example"]}]}
            """, "ci-designation--cn-cii").ConfigureAwait(false);
        await Add(RecordKinds.Designation, Cn, "2021-09-01", """
            {"framework":"Regulations on Security Protection of Critical Information Infrastructure (State Council Order 745)",
            """ + """
            "legal_basis":"State Council Order No. 745, Art. 2","effective":"2021-09-01T00:00:00Z","version":2,
             "sectors":[{"id":"public-telecom-information-services","name":"Public telecommunications and information services",
            """ + """
            "category":"telecommunications"},
               {"id":"energy","name":"Energy","category":"energy"},{"id":"transport","name":"Transport","category":"transport"},
            """ + """
            {"id":"water-conservancy","name":"Water conservancy","category":"water"},
               {"id":"finance","name":"Finance","category":"finance"},
            """ + """
            {"id":"public-services","name":"Public services","category":"public-services"},
            """ + """
            {"id":"e-government","name":"E-government","category":"government"},
               {"id":"defence-science-technology-industry","name":"National defence science, technology and industry","category":"defence"},
               {"id":"other-important-systems",
            """ + """
            "name":"Other important network facilities and information systems (catch-all, including data leakage)","category":"other"}],
             "scopes":[{"sector":"e-government","ipv4":["203.0.113.0/24"],"domains":["gov.cn.example"]}]}
            """, "ci-designation--cn-cii").ConfigureAwait(false);

        // 2013: disclosures of US surveillance programmes; China and Germany cite them.
        var surveillance = await Add(RecordKinds.Incident, Cn, "2013-06-10", $$"""
            {"title":"Surveillance programmes revealed by a former NSA contractor's disclosures","affected_party":"{{Cn}}",
            """ + """
            "window":{"start":"2013-06-01T00:00:00Z"},
             "sectors":["government","telecommunications"],"effects":["espionage"],"severity":2,"tlp":"clear","purpose":"intelligence",
             "description":
            """ + """
            "As reported: disclosures reveal US surveillance programmes; China and Germany cite them as reasons for concern."}
            """).ConfigureAwait(false);
        await Add(RecordKinds.Claim, Cn, "2013-06-10", $$"""
            {"incident":"{{surveillance}}","attributed_to":{"party":"{{Us}}"},
            """ + """
            "responsibility":"state-executed","likelihood":"likely","confidence":"low","public":true,"tlp":"clear",
             "text":"Public claim of US surveillance, citing press disclosures. Likelihood and confidence are not stated in the reports;
            """ + """
             recorded as likely / low."}
            """).ConfigureAwait(false);

        // 2014-05: indictment of five military officers; China denies and suspends the working group.
        var theft = await Add(RecordKinds.Incident, Us, "2014-05-19", $$"""
            {"title":"Cyber-enabled theft of commercial information from US companies","affected_party":"{{Us}}",
            """ + """
            "window":{"start":"2006-01-01T00:00:00Z","end":"2014-05-19T00:00:00Z"},
             "sectors":["energy","manufacturing"],"effects":["data-theft"],"severity":3,"tlp":"clear","purpose":"commercial",
             "description":"As reported: the Department of Justice charges five Chinese military officers with cyber theft of commercial
            """ + """
             information from US companies."}
            """).ConfigureAwait(false);
        var indictment = await node.Blobs.PutAsync(
            Encoding.UTF8.GetBytes(
                "United States v. Wang Dong et al., indictment (W.D. Pa., 19 May 2014): "
                + "placeholder for the public court document.\n"),
            cancellationToken).ConfigureAwait(false);
        var evidence = await Add(RecordKinds.Evidence, Us, "2014-05-19", $$"""
            {"incident":"{{theft}}","sha256":"{{indictment}}","media_type":"text/plain","description":"Public indictment (legal evidence)",
            """ + """
            "source_reliability":"B","information_credibility":"2","tlp":"clear"}
            """).ConfigureAwait(false);
        var usClaim = await Add(RecordKinds.Claim, Us, "2014-05-19", $$"""
            {"incident":"{{theft}}","attributed_to":{"party":"{{Cn}}","actor":"five named military officers"},
            """ + $$"""
            "responsibility":"state-executed","likelihood":"very-likely","confidence":"high",
             "evidence":["{{evidence}}"],"public":true,"tlp":"clear",
            """ + """
            "text":"Indictment. Likelihood and confidence are not stated in the reports; recorded as very-likely / high."}
            """).ConfigureAwait(false);
        await Add(RecordKinds.Position, Cn, "2014-05-20",
            $$"""{"subject":"{{usClaim}}","stance":"dispute","note":"China denies the charges."}""").ConfigureAwait(false);
        await Add(RecordKinds.Statement, Cn, "2014-05-20", """
            {"title":"China suspends the China–US cyber working group",
            """ + """
            "text":"In response to the indictment, China suspends the bilateral cyber working group.","date":"2014-05-20T00:00:00Z",
            """ + $$"""
            "incidents":["{{theft}}"],"claims":["{{usClaim}}"]}
            """).ConfigureAwait(false);

        // 2014-06-04: Germany opens an investigation into the alleged hacking of the Chancellor's phone.
        var phone = await Add(RecordKinds.Incident, De, "2014-06-04", $$"""
            {"title":"Alleged interception of the Chancellor's mobile phone","affected_party":"{{De}}",
            """ + """
            "window":{"start":"2013-10-01T00:00:00Z"},
             "sectors":["government"],"effects":["espionage"],"severity":3,"tlp":"clear","purpose":"intelligence",
             "description":"As reported: Germany's attorney general opens a criminal investigation into the alleged NSA hacking of the
            """ + """
             Chancellor's mobile phone. Under investigation; no attribution recorded."}
            """).ConfigureAwait(false);
        var askUs = await Add(RecordKinds.Request, De, "2014-06-05", $$"""
            {"to":"{{Us}}","incident":"{{phone}}",
            """ + """
            "type":"information","asks":"[illustrative: not from the reported events] Information relevant to the criminal investigation.",
            """ + """
            "deadline":"2014-07-05T00:00:00Z","tlp":"amber"}
            """).ConfigureAwait(false);
        await Add(RecordKinds.RequestUpdate, Us, "2014-06-10",
            $$"""{"request":"{{askUs}}","status":"acknowledged","note":"[illustrative]"}""").ConfigureAwait(false);
        await Add(RecordKinds.RequestUpdate, Us, "2014-07-20",
            $$"""{"request":"{{askUs}}","status":"responded","note":"[illustrative] """
            + """Answered after the deadline."}""").ConfigureAwait(false);

        // 2014-06-05: the Beijing workshop; 2014-11: positions on the dialogue and on espionage vs commercial theft.
        await Add(RecordKinds.Statement, Cn, "2014-06-05",
            """{"title":"International Workshop on Information and Cyber Security (Beijing, with the UN)","text":"China accuses """
            + """the US of double standards and eavesdropping and calls for fair international norms based on sovereignty, """
            + """peace and shared benefit.","date":"2014-06-05T00:00:00Z"}""").ConfigureAwait(false);
        await Add(RecordKinds.Statement, Us, "2014-06-05",
            """{"title":"Doubts about quick agreement","text":"The State Department doubts quick agreement because disagreements span """
            + """the P5, G7 and G20.","date":"2014-06-05T00:00:00Z"}""").ConfigureAwait(false);
        await Add(RecordKinds.Statement, Cn, "2014-11-15",
            """{"title":"The US broke the cyber dialogue","text":"China's ambassador says the US 'tore down the table' """
            + """and must restore confidence; he calls the US distinction between intelligence espionage and commercial theft """
            + """artificial.","date":"2014-11-15T00:00:00Z"}""").ConfigureAwait(false);
        await Add(RecordKinds.Position, Cn, "2014-11-15",
            $$"""{"subject":"{{theft}}","stance":"dispute","note":"The distinction between intelligence espionage """
            + """and commercial theft is artificial."}""").ConfigureAwait(false);
        await Add(RecordKinds.Statement, Us, "2014-11-15",
            """{"title":"Objection to cyber-enabled theft","text":"The Secretary of State says the US objects strongly to """
            + """cyber-enabled theft.","date":"2014-11-15T00:00:00Z"}""").ConfigureAwait(false);

        // 2015-09: the accord.
        await Add(RecordKinds.Statement, Cn, "2015-09-17",
            """{"title":"Call for mutual trust","text":"China's assistant foreign minister calls for mutual trust and cooperation on """
            + """cyber security.","date":"2015-09-17T00:00:00Z"}""").ConfigureAwait(false);
        await Add(RecordKinds.Statement, Us, "2015-09-17",
            """{"title":"Targeted sanctions considered","text":"The US considers targeted sanctions against Chinese individuals and """
            + """companies over attacks on US commercial targets.","date":"2015-09-17T00:00:00Z"}""").ConfigureAwait(false);
        await Add(RecordKinds.Accord, Us, "2015-09-25", $$"""
            {"title":"US–China cyber commitments (25 September 2015)","parties":["{{Us}}","{{Cn}}"],"signed_on":"2015-09-25T00:00:00Z",
             "commitments":
            """ + """
            ["USCN-2015-1","USCN-2015-2","USCN-2015-3","USCN-2015-4","USCN-2015-5","USCN-2015-6","USCN-2015-7","USCN-2015-D1"]}
            """, "accord--us-cn-2015").ConfigureAwait(false);
        await Add(RecordKinds.Accord, Un, "2015-12-23", $$"""
            {"title":"UN GGE 2015 norms (A/70/174), endorsed by UNGA resolution 70/237","parties":["{{Un}}","{{Cn}}","{{Us}}","{{De}}"],
            """ + """
            "signed_on":"2015-12-23T00:00:00Z",
             "commitments":["GGE2015-13a","GGE2015-13b","GGE2015-13c","GGE2015-13d","GGE2015-13e","GGE2015-13f","GGE2015-13g","GGE2015-13h",
            """ + """
            "GGE2015-13i","GGE2015-13j","GGE2015-13k"]}
            """, "accord--un-gge-2015").ConfigureAwait(false);
        await Add(RecordKinds.Statement, Cn, "2015-12-16",
            """{"title":"Cyber sovereignty (Wuzhen)","text":"China's president proposes cyber sovereignty: each state chooses how to """
            + """develop and regulate its own internet.","date":"2015-12-16T00:00:00Z"}""").ConfigureAwait(false);

        // 2017-03: strategy; website tampering statistics.
        await Add(RecordKinds.Statement, Cn, "2017-03-01",
            """{"title":"Cyberspace International Cooperation Strategy","text":"Published by the MFA and the CAC: sovereignty, """
            + """rule-based governance, stronger military cyber defence and situational awareness.","date":"2017-03-01T00:00:00Z"}""")
            .ConfigureAwait(false);
        var tampering = await Add(RecordKinds.Incident, Cn, "2017-03-02", $$"""
            {"title":"Website tampering and attacks on government websites","affected_party":"{{Cn}}",
            """ + """
            "window":{"start":"2016-01-01T00:00:00Z","end":"2017-03-01T00:00:00Z"},
             "sectors":["government"],"effects":["website-tampering","disruption"],"severity":2,"tlp":"clear",
             "description":"As reported: more than 10,000 websites in China are tampered with every month and about 80% of government
            """ + """
             websites have suffered attacks, mainly originating in the US."}
            """).ConfigureAwait(false);
        var cnClaim = await Add(RecordKinds.Claim, Cn, "2017-03-02", $$"""
            {"incident":"{{tampering}}","attributed_to":{"party":"{{Us}}"},
            """ + """
            "likelihood":"likely","confidence":"low","public":true,"tlp":"clear",
             "text":"Attacks 'mainly originating in the US' (an origin claim; origin alone is not attribution).
            """ + """
             Likelihood and confidence are not stated; recorded as likely / low."}
            """).ConfigureAwait(false);
        await Add(RecordKinds.Statement, Cn, "2017-03-02",
            """{"title":"China rejects accusations of sponsoring attacks","text":"China rejects accusations that it sponsors attacks """
            + $$"""on the US.","date":"2017-03-02T00:00:00Z","claims":["{{cnClaim}}"]}""").ConfigureAwait(false);

        // 2021–2025: warnings and accusations both ways; evidence demanded; classification explained.
        await Add(RecordKinds.Statement, Us, "2023-01-01",
            """{"title":"Warning about disruption of US critical infrastructure","text":"The US National Security Adviser """
            + """warns China about what disruption of US critical infrastructure would mean. """
            + """(Undated report, 2021–2025.)","date":"2023-01-01T00:00:00Z"}""").ConfigureAwait(false);
        var ciAttacks = await Add(RecordKinds.Incident, Cn, "2023-01-02", $$"""
            {"title":"Long-running attacks on China's critical infrastructure","affected_party":"{{Cn}}",
            """ + """
            "window":{"start":"2021-01-01T00:00:00Z"},
             "sectors":["telecommunications","finance","transport"],"effects":["espionage"],"severity":3,"tlp":"clear",
             "description":"As reported: the US has carried out long-running, systematic, large-scale attacks on China's critical
            """ + """
             infrastructure (telecommunications, finance, transportation). Effects beyond intrusion are not stated."}
            """).ConfigureAwait(false);
        await Add(RecordKinds.Claim, Cn, "2023-01-02", $$"""
            {"incident":"{{ciAttacks}}","attributed_to":{"party":"{{Us}}"},
            """ + """
            "responsibility":"state-executed","likelihood":"likely","confidence":"low","public":true,"tlp":"clear",
             "text":"Claim by China's cyber affairs coordinator. Likelihood and confidence are not stated; recorded as likely / low."}
            """).ConfigureAwait(false);
        await Add(RecordKinds.Statement, Cn, "2023-01-02",
            """{"title":"Accusations rejected in the absence of evidence","text":"China's cyber affairs coordinator rejects US """
            + """accusations on individual cases in the absence of evidence, says China has explained the scope and legal basis of its """
            + """critical-infrastructure classification, and asks to discuss matters on the basis of facts and supporting evidence, """
            + """using common rules as benchmarks.","date":"2023-01-02T00:00:00Z"}""").ConfigureAwait(false);
        await Add(RecordKinds.Request, Cn, "2023-01-02", $$"""
            {"to":"{{Us}}","incident":"{{ciAttacks}}","type":"evidence",
            """ + """
            "asks":"Discuss on the basis of facts and supporting evidence, using common rules as benchmarks. (The deadline is not reported;
            """ + """
             60 days is recorded.)","deadline":"2023-03-03T00:00:00Z","tlp":"green"}
            """).ConfigureAwait(false);
    }

    private static string Slug(string kind, string author, string created, string body) =>
        Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}|{author}|{created}|{body}")))[..24];
}

using System.Text.Json.Nodes;
using CyberAccord.Accord.Assessment;
using CyberAccord.Accord.Scenario;
using CyberAccord.Accord.State;
using Microsoft.Playwright;

namespace CyberAccord.Server.Tests.Dashboard;

/// <summary>The dashboard in real headless Chromium against the reference scenario, served over loopback HTTP.</summary>
[Collection(nameof(SharedBrowser))]
public sealed class DashboardBrowserTests(NodeServerFixture node, BrowserFixture browser) : IClassFixture<NodeServerFixture>
{
    private async Task<IPage> SignInAsync(string code, IBrowserContext? context = null)
    {
        context ??= await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = node.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        Assert.EndsWith("/signin?ReturnUrl=%2F", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("User").FillAsync(code.ToLowerInvariant());
        await page.GetByLabel("Password").FillAsync(NodeServerFixture.Password(code));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
        return page;
    }

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(
            new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, name + ".png"), FullPage = true });

    private bool Sees(string party, string id) =>
        node.Node.CurrentState() is var state
        && state.Records.TryGetValue(id, out var stored)
        && Visibility.CanSee(state, stored.Record, party);

    [Fact]
    public async Task The_overview_shows_the_scenario_as_the_signed_in_party_may_see_it()
    {
        var page = await SignInAsync("US");
        var state = node.Node.CurrentState();
        Assert.Contains("US (United States of America)", await page.GetByTestId("party").InnerTextAsync(), StringComparison.Ordinal);

        var incidents = state.Incidents.Values.Where(i => Sees(ReferenceScenario.Us, i.Id)).ToList();
        Assert.Equal(incidents.Count, await page.GetByTestId("incidents").Locator("tbody tr:not(.empty)").CountAsync());
        foreach (var incident in incidents)
        {
            var links = page.GetByTestId("incidents").GetByRole(AriaRole.Link, new() { Name = incident.Title, Exact = true });
            Assert.Equal(1, await links.CountAsync());
        }

        var open = state.Requests.Values.Where(r => !r.IsClosed && Sees(ReferenceScenario.Us, r.Id)).ToList();
        Assert.Equal(open.Count, await page.GetByTestId("open-requests").Locator("tbody tr:not(.empty)").CountAsync());
        Assert.Equal(
            open.Count(r => r.IsOverdue(DateTime.UtcNow)),
            await page.GetByTestId("open-requests").Locator("tbody tr.overdue").CountAsync());

        Assert.Equal(
            node.Node.Log.Checkpoint.Size.ToString(System.Globalization.CultureInfo.InvariantCulture),
            await page.GetByTestId("log-size").InnerTextAsync());
        Assert.StartsWith("verified", await page.GetByTestId("checkpoint-state").InnerTextAsync(), StringComparison.Ordinal);

        // Chart.js drew every chart from the data beside it, and the claims chart splits backed from unsupported claims.
        foreach (var chart in new[] { "incidents-by-sector", "incidents-by-effect", "claims-by-party" })
        {
            Assert.True(await page.EvaluateAsync<bool>($"Chart.getChart('{chart}') !== undefined"), chart);
        }

        var unsupported = state.Claims.Values.Count(c => c.Unsupported && Sees(ReferenceScenario.Us, c.Id));
        Assert.Equal(
            unsupported,
            await page.EvaluateAsync<int>("Chart.getChart('claims-by-party').data.datasets[1].data.reduce((a, b) => a + b, 0)"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Verify the checkpoint signature here" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-checkpoint-result]")).ToContainTextAsync("signature verified in your browser");
        await ShotAsync(page, "overview-us");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_incident_page_shows_its_claims_evidence_requests_findings_and_timeline()
    {
        var page = await SignInAsync("US");
        var state = node.Node.CurrentState();
        var incident = state.Incidents.Values.Where(i => Sees(ReferenceScenario.Us, i.Id))
            .MaxBy(i => state.Claims.Values.Count(c => c.Incident == i.Id) + state.Requests.Values.Count(r => r.Incident == i.Id))!;
        await page.GetByTestId("incidents").GetByRole(AriaRole.Link, new() { Name = incident.Title, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(incident.Title);

        var claims = state.Claims.Values.Where(c => c.Incident == incident.Id && Sees(ReferenceScenario.Us, c.Id)).ToList();
        Assert.Equal(claims.Count, await page.GetByTestId("claims").Locator("tbody tr:not(.empty)").CountAsync());
        Assert.Equal(claims.Count(c => c.Unsupported), await page.GetByTestId("claims").Locator("tbody tr.unsupported").CountAsync());
        foreach (var claim in claims)
        {
            // Likelihood and confidence are separate cells, never merged into one score.
            var cells = page.Locator($"td:text-is('{claim.Likelihood}') + td:text-is('{claim.Confidence}')");
            Assert.Equal(1, await page.GetByTestId("claims").Locator("tbody tr:not(.empty)").Filter(new() { Has = cells }).CountAsync());
        }

        var requests = state.Requests.Values.Count(r => r.Incident == incident.Id && Sees(ReferenceScenario.Us, r.Id));
        Assert.Equal(requests, await page.GetByTestId("incident-requests").Locator("tbody tr:not(.empty)").CountAsync());
        var subjects = new HashSet<string>(
        [
            incident.Id,
            .. claims.Select(c => c.Id),
            .. state.Requests.Values.Where(r => r.Incident == incident.Id && Sees(ReferenceScenario.Us, r.Id)).Select(r => r.Id),
        ]);
        var findings = AssessmentEngine.Assess(state, DateTime.UtcNow).Count(f => subjects.Contains(f.Subject));
        Assert.Equal(findings, await page.GetByTestId("findings").Locator("tbody tr:not(.empty)").CountAsync());
        Assert.True(await page.GetByTestId("timeline").Locator("li").CountAsync() >= 2 + claims.Count + requests);
        await ShotAsync(page, "incident-us");

        // A table with nothing the reader may see says so rather than showing a bare header.
        var bare = state.Incidents.Values
            .First(i => Sees(ReferenceScenario.Us, i.Id) && !state.Evidence.Values.Any(e => e.Incident == i.Id));
        await page.GotoAsync($"/incidents/{bare.Id}");
        await Assertions.Expect(page.GetByTestId("evidence").Locator("tbody tr.empty")).ToHaveTextAsync("None that you may see.");

        var missing = await page.GotoAsync("/incidents/incident--does-not-exist");
        Assert.Equal(404, missing!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not found");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_requests_board_sorts_and_marks_overdue_requests()
    {
        var page = await SignInAsync("US");
        await page.GetByRole(AriaRole.Link, new() { Name = "Requests", Exact = true }).ClickAsync();
        var visible = node.Node.CurrentState().Requests.Values.Where(r => Sees(ReferenceScenario.Us, r.Id)).ToList();
        var rows = page.GetByTestId("board").Locator("tbody tr:not(.empty)");
        Assert.Equal(visible.Count, await rows.CountAsync());
        Assert.Equal(
            visible.Count(r => r.IsOverdue(DateTime.UtcNow)), await page.GetByTestId("board").Locator("tbody tr.overdue").CountAsync());

        // Deadline order by default; the Status heading sorts by status, and again in reverse.
        Assert.Equal(
            visible.OrderBy(r => r.Deadline).Select(r => r.Id),
            await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.request)"));
        var statusHeading = page.GetByRole(AriaRole.Link, new() { Name = "Status", Exact = true });
        await Task.WhenAll(
            page.WaitForURLAsync(url => url.Contains("sort=status&desc=false", StringComparison.Ordinal)), statusHeading.ClickAsync());
        var statuses = await page.GetByTestId("board").Locator("tbody tr td:nth-child(5)").AllInnerTextsAsync();
        Assert.Equal(visible.Select(r => r.Status).Order(StringComparer.Ordinal), statuses);
        Assert.Equal("Status", await page.Locator("th[aria-sort='ascending']").InnerTextAsync());
        await Task.WhenAll(
            page.WaitForURLAsync(url => url.Contains("sort=status&desc=true", StringComparison.Ordinal)), statusHeading.ClickAsync());
        statuses = await page.GetByTestId("board").Locator("tbody tr td:nth-child(5)").AllInnerTextsAsync();
        Assert.Equal(visible.Select(r => r.Status).OrderDescending(StringComparer.Ordinal), statuses);
        Assert.Equal("Status", await page.Locator("th[aria-sort='descending']").InnerTextAsync());
        await ShotAsync(page, "requests-us");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Critical_infrastructure_lists_are_side_by_side_with_disagreements_marked()
    {
        var page = await SignInAsync("CN");
        await page.GotoAsync("/ci?a=CN&b=US");
        var now = DateTime.UtcNow;
        var cn = node.Node.CurrentState().DesignationOrEarliest(ReferenceScenario.Cn, now)!;
        var us = node.Node.CurrentState().DesignationOrEarliest(ReferenceScenario.Us, now)!;
        var disagreements = cn.Categories.Except(us.Categories).Concat(us.Categories.Except(cn.Categories))
            .Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(disagreements);
        Assert.Equal(cn.Categories.Union(us.Categories).Count(), await page.GetByTestId("ci").Locator("tbody tr:not(.empty)").CountAsync());
        Assert.Equal(
            disagreements,
            await page.GetByTestId("ci").Locator("tbody tr.disagree")
                .EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.category)"));

        // The choice is made with labelled controls, by keyboard as well as by mouse.
        await page.GetByLabel("First party").SelectOptionAsync("US");
        await page.GetByLabel("Second party").SelectOptionAsync("CN");
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare" }).FocusAsync();
        await Task.WhenAll(
            page.WaitForURLAsync(url => url.Contains("a=US&b=CN", StringComparison.Ordinal)), page.Keyboard.PressAsync("Enter"));
        Assert.Equal(["Category", "US", "CN", "Agreement"], await page.GetByTestId("ci").Locator("thead th").AllInnerTextsAsync());
        await ShotAsync(page, "ci-us-cn");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Scorecards_show_each_partys_figures_as_the_reader_may_know_them()
    {
        var page = await SignInAsync("CN");
        await page.GotoAsync("/scorecards");
        var cards = Scorecards.SeenBy(node.Node.CurrentState(), ReferenceScenario.Cn, DateTime.UtcNow);
        Assert.Equal(cards.Count, await page.GetByTestId("scorecards").Locator("tbody tr:not(.empty)").CountAsync());
        foreach (var card in cards)
        {
            var code = node.Node.CurrentState().Parties[card.Party].Code;
            var cells = await page.Locator($"tr[data-party='{code}'] td").AllInnerTextsAsync();
            Assert.Equal(
                [
                    card.RequestsReceived.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    card.RequestsAnswered.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    card.RequestsOverdue.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ],
                cells.Take(3));
            Assert.Equal(card.Claims.ToString(System.Globalization.CultureInfo.InvariantCulture), cells[7]);
        }

        Assert.True(await page.EvaluateAsync<bool>(
            "Chart.getChart('scorecard-figures') !== undefined && Chart.getChart('scorecard-response') !== undefined"));
        await ShotAsync(page, "scorecards-cn");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_browser_verifies_an_inclusion_proof_itself_and_rejects_a_changed_entry()
    {
        var page = await SignInAsync("DE");
        await page.GotoAsync("/log");
        var checkpoint = node.Node.Log.Checkpoint;
        var button = page.Locator("[data-verify-index]").Nth(3);
        var index = await button.GetAttributeAsync("data-verify-index");
        await button.ClickAsync();
        var output = page.Locator($"#verify-{index}");
        await Assertions.Expect(output).ToContainTextAsync("verified: included in the signed checkpoint");
        Assert.Contains(Convert.ToBase64String(checkpoint.RootHash), await output.InnerTextAsync(), StringComparison.Ordinal);

        // The same proof with one byte of the entry changed does not lead to the root: the browser computes, not the server.
        var tampered = await page.EvaluateAsync<System.Text.Json.JsonElement>($$"""
            async () => {
              const entry = new Uint8Array(await (await fetch('/dashboard/entries/{{index}}')).arrayBuffer());
              entry[10] ^= 1;
              const r = await accordLog.verifyInclusion({{index}}, entry);
              return { included: r.included, checkpointVerified: r.signed };
            }
            """);
        Assert.False(tampered.GetProperty("included").GetBoolean());
        Assert.True(tampered.GetProperty("checkpointVerified").GetBoolean());
        await ShotAsync(page, "log-de");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_third_partys_browser_never_receives_a_restricted_record()
    {
        var state = node.Node.CurrentState();
        var hidden = state.Records.Values.Where(r => !Visibility.CanSee(state, r.Record, ReferenceScenario.Cn)).ToList();
        Assert.NotEmpty(hidden);

        // What would betray a hidden record: its id, and its longer texts that no visible record also carries.
        var visibleText = string.Join('\n', state.Records.Values.Where(r => Visibility.CanSee(state, r.Record, ReferenceScenario.Cn))
            .Select(r => System.Text.Encoding.UTF8.GetString(r.Record.ToEntry())));
        var secrets = hidden
            .SelectMany(r => new[] { r.Record.Id }
                .Concat(Strings(r.Record.Body).Where(s => s.Length >= 12 && !visibleText.Contains(s, StringComparison.Ordinal))))
            .Distinct().ToList();
        Assert.Contains(secrets, s => s.StartsWith("[illustrative", StringComparison.Ordinal));

        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = node.BaseAddress.ToString() });
        var received = new List<string>();
        context.Response += async (_, response) =>
        {
            try
            {
                received.Add(System.Text.Encoding.UTF8.GetString(await response.BodyAsync()));
            }
            catch (PlaywrightException)
            {
                // A redirect has no body.
            }
        };
        var page = await SignInAsync("CN", context);
        foreach (var path in new[] { "/", "/requests", "/requests?sort=status&desc=true", "/ci", "/scorecards", "/log" })
        {
            await page.GotoAsync(path);
        }

        foreach (var incident in state.Incidents.Values)
        {
            await page.GotoAsync($"/incidents/{incident.Id}");
        }

        // Asking for a hidden entry by its index gets nothing either.
        var hiddenEntry = await page.APIRequest.GetAsync($"/dashboard/entries/{hidden[0].Sequence}");
        Assert.Equal(404, hiddenEntry.Status);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var everything = string.Join('\n', received);
        Assert.Contains("Surveillance programmes", everything, StringComparison.Ordinal);
        Assert.All(secrets, secret =>
            Assert.False(everything.Contains(secret, StringComparison.Ordinal), $"a CN browser received '{secret}'"));
        await context.CloseAsync();
    }

    [Fact]
    public async Task Pages_need_a_sign_in_and_a_wrong_password_is_refused()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = node.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/log");
        Assert.Contains("/signin?ReturnUrl=%2Flog", page.Url, StringComparison.Ordinal);

        // Keyboard first: the skip link is the first stop, then the form's labelled fields.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await page.GetByLabel("User").FillAsync("cn");
        await page.GetByLabel("Password").FillAsync("not the password");
        await page.GetByLabel("Password").PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Unknown user or wrong password.");
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "accord_session");

        await page.GetByLabel("Password").FillAsync(NodeServerFixture.Password("CN"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/log", StringComparison.Ordinal));

        // The dashboard's cookie reads pages; it never authorises the API, which keeps its own schemes.
        var write = await page.APIRequest.PostAsync(
            "/accord/records/statement", new() { DataObject = new { title = "by cookie", text = "should be refused" } });
        Assert.Equal(401, write.Status);
        Assert.Equal(401, (await page.APIRequest.GetAsync("/accord/records")).Status);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/signin", StringComparison.Ordinal));
        await page.GotoAsync("/");
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_browser_remembers_the_checkpoint_it_verified_and_checks_the_next_one_only_grew_from_it()
    {
        var page = await SignInAsync("DE");
        await page.GotoAsync("/log");
        var verify = page.GetByRole(AriaRole.Button, new() { Name = "Verify the checkpoint signature here" });
        var result = page.Locator("[data-checkpoint-result]");
        await verify.ClickAsync();
        await Assertions.Expect(result).ToContainTextAsync("the first checkpoint of this log this browser has seen");
        var before = node.Node.Log.Checkpoint.Size;

        // The log grows; the browser checks a consistency proof from the size it saw to the new size.
        var statement = CyberAccord.Accord.Records.AccordRecord.Sign(
            CyberAccord.Accord.Records.RecordKinds.Statement,
            "statement--" + Guid.NewGuid(),
            ReferenceScenario.De,
            DateTime.UtcNow,
            JsonNode.Parse("""{"title":"grown","text":"one more entry"}""")!.AsObject(),
            node.Key(ReferenceScenario.De));
        await node.Node.SubmitAsync(statement, CancellationToken.None);
        await page.ReloadAsync();
        await verify.ClickAsync();
        await Assertions.Expect(result).ToContainTextAsync($"consistent with the checkpoint of size {before} this browser saw before");

        // Had the node shown this browser a different history before, the proof cannot reconcile it.
        await page.EvaluateAsync($$"""
            localStorage.setItem('accord.checkpoint.{{node.Node.Log.Origin}}',
                JSON.stringify({ size: {{before}}, root: btoa(String.fromCharCode(...new Uint8Array(32).fill(7))) }))
            """);
        await verify.ClickAsync();
        await Assertions.Expect(result).ToContainTextAsync($"FAILED: the log's history differs from the checkpoint of size {before}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Repeated_wrong_passwords_hold_that_user_back_even_with_the_right_one()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = node.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        for (var i = 0; i < CyberAccord.Server.Auth.PasswordThrottle.MaxFailures; i++)
        {
            await page.GetByLabel("User").FillAsync("un");
            await page.GetByLabel("Password").FillAsync($"guess {i}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Unknown user or wrong password.");
        }

        await page.GetByLabel("User").FillAsync("un");
        await page.GetByLabel("Password").FillAsync(NodeServerFixture.Password("UN"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Too many failed sign-ins");
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "accord_session");
        await context.CloseAsync();
    }

    [Fact]
    public async Task Every_page_passes_the_axe_accessibility_checks_for_wcag_2_aa()
    {
        var page = await SignInAsync("US");
        var axe = TestData.PathOf("axe/axe.min.js");
        var incident = node.Node.CurrentState().Incidents.Values.First(i => Sees(ReferenceScenario.Us, i.Id));
        var problems = new List<string>();
        foreach (var path in new[] { "/", $"/incidents/{incident.Id}", "/requests", "/ci", "/scorecards", "/log", "/not-found" })
        {
            await page.GotoAsync(path);
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = axe });
            var violations = await page.EvaluateAsync<System.Text.Json.JsonElement>("""
                async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))
                  .violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)
                """);
            problems.AddRange(violations.EnumerateArray().Select(v => $"{path} {v.GetString()}"));
        }

        await page.Context.CloseAsync();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}

[CollectionDefinition(nameof(SharedBrowser))]
public sealed class SharedBrowser : ICollectionFixture<BrowserFixture>;

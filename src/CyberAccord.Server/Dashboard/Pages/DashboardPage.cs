using CyberAccord.Server.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace CyberAccord.Server.Dashboard.Pages;

/// <summary>A signed-in page: it loads what its party may see once, under the node's reader lock, then renders it.</summary>
public abstract class DashboardPage : ComponentBase
{
    [CascadingParameter]
    protected HttpContext HttpContext { get; set; } = default!;

    [Inject]
    protected AccordServerContext Context { get; set; } = default!;

    protected string Party => PartyClaims.Of(HttpContext.User);

    protected DashboardData Data { get; private set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var party = Party;
        Data = await Context.Node.ReadAsync(state => new DashboardData(state, party, DateTime.UtcNow), HttpContext.RequestAborted)
            .ConfigureAwait(false);
        await LoadAsync().ConfigureAwait(false);
    }

    /// <summary>What a page needs beyond <see cref="Data"/>.</summary>
    protected virtual Task LoadAsync() => Task.CompletedTask;

    protected static string Date(DateTime time) => DashboardData.Date(time);

    /// <summary>What is wrong with the page's query, when something is; the page shows it instead of its content, with a 400.</summary>
    protected string? QueryError { get; private set; }

    /// <summary>Query values are read as text and checked here: a value the framework cannot bind would be a 500 instead.</summary>
    protected void RefuseQuery(string name, string? value, string expected)
    {
        QueryError = $"The query parameter {name}='{value}' is not {expected}.";
        HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
    }
}

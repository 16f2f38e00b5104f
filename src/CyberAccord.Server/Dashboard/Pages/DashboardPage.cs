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

    protected string Party => DashboardApi.Party(HttpContext.User);

    protected DashboardData Data { get; private set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var party = Party;
        Data = await Context.Node.ReadAsync(state => new DashboardData(state, party, DateTime.UtcNow), HttpContext.RequestAborted).ConfigureAwait(false);
        await LoadAsync().ConfigureAwait(false);
    }

    /// <summary>What a page needs beyond <see cref="Data"/>.</summary>
    protected virtual Task LoadAsync() => Task.CompletedTask;

    protected static string Date(DateTime time) => DashboardData.Date(time);
}

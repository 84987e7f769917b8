using CoBan.Workflow.Web;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoBan.Workflow.Tests.Web;

/// <summary>Renders a component to HTML with the framework's HtmlRenderer (no browser), in Chinese or English.</summary>
public static class Render
{
    public static async Task<string> HtmlAsync<T>(Dictionary<string, object?> parameters, Lang? lang = null) where T : IComponent
    {
        // The service's own encoder setting (WebSetup): Chinese is written as is, not as &#x…; entities.
        var services = new ServiceCollection().AddLogging().AddCoBanWebEncoder().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            RenderFragment child = builder =>
            {
                builder.OpenComponent<T>(0);
                builder.AddMultipleAttributes(1, parameters!);
                builder.CloseComponent();
            };
            var root = await renderer.RenderComponentAsync<CascadingValue<Lang>>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                ["Value"] = lang ?? Lang.Zh,
                ["ChildContent"] = child,
            }));
            return root.ToHtmlString();
        });
    }
}

using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Reshore.Web.Services;

/// <summary>Renders a component to an HTML string outside the page being rendered, so the string can be kept and reused.</summary>
public static class HtmlFragment
{
    /// <summary>The HTML of <typeparamref name="TComponent"/> with <paramref name="parameters"/>, its services from <paramref name="services"/>.</summary>
    public static async Task<string> RenderAsync<TComponent>(IServiceProvider services, IDictionary<string, object?> parameters) where TComponent : IComponent
    {
        // The renderer runs the component on its own dispatcher: it must see the request's language.
        var (culture, uiCulture) = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = (culture, uiCulture);
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
    }
}

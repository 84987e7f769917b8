using Microsoft.AspNetCore.HttpOverrides;

namespace CoBan.Workflow.Hosting;

/// <summary>
/// Headers on every response: a Content-Security-Policy that runs scripts from this site only (the
/// designer bundle and the page scripts are files under wwwroot), no framing, no MIME sniffing, no
/// full URLs leaking in Referer, HSTS on HTTPS. A page that sets its own policy (the print views)
/// keeps it.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The one inline handler the pages use, <c>onchange="this.form.submit()"</c> on filter drop-downs,
    /// allowed by its hash ('unsafe-hashes' admits exactly this text and nothing else).
    /// </summary>
    public const string SubmitOnChangeHash = "'sha256-osjxnKEPL/pQJbFk1dKsF7PYFmTyMWGmVSiL9inhxJY='";

    public const string Policy =
        "default-src 'self'; " +
        $"script-src 'self' 'unsafe-hashes' {SubmitOnChangeHash}; " +
        // bpmn-js and the pages set style attributes; styles cannot run code.
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            if (!headers.ContainsKey("Content-Security-Policy")) headers.ContentSecurityPolicy = Policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            if (http.Request.IsHttps) headers.StrictTransportSecurity = "max-age=31536000";
            return Task.CompletedTask;
        });
        return next(http);
    });
}

/// <summary>
/// Behind a reverse proxy (section <c>CoBan:Proxy</c>): which proxies are trusted to say the client's
/// address and scheme (X-Forwarded-For / X-Forwarded-Proto). Off by default, so that a client cannot
/// claim another address to escape the log-in throttle. With it on, requests that reached the proxy by
/// HTTPS are HTTPS here: the log-in cookie is Secure and HSTS is sent.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "CoBan:Proxy";
    public bool Enabled { get; set; }
    /// <summary>Proxy addresses, e.g. "10.0.0.2"; loopback is trusted when the list is empty.</summary>
    public List<string> KnownProxies { get; set; } = [];
    /// <summary>Proxy networks in CIDR form, e.g. "10.0.0.0/8".</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public static void Configure(IServiceCollection services, IConfiguration configuration)
    {
        var proxy = configuration.GetSection(Section).Get<ProxyOptions>() ?? new ProxyOptions();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = proxy.Enabled ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto : ForwardedHeaders.None;
            o.ForwardLimit = 1;
            foreach (var address in proxy.KnownProxies) o.KnownProxies.Add(System.Net.IPAddress.Parse(address));
            foreach (var network in proxy.KnownNetworks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
    }
}

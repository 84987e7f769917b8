using System.Net;
using System.Net.Http.Headers;
using CoBan.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoBan.Workflow.Tests.Operations;

/// <summary>/metrics serves the operator's figures in Prometheus' text format, to an administrator only.</summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task An_administrator_token_reads_every_listed_metric_and_nobody_else_reads_any()
    {
        await using var host = await TestHost.StartAsync();
        var procedure = await ProcedureSteps.PublishAsync(host, Models.Review());
        var zhang = await host.LoginAsync("zhang.wei");
        await ProcedureSteps.StartAsync(zhang, procedure, "zhang.wei");
        await ProcedureSteps.StartAsync(zhang, procedure, "zhang.wei");
        var task = (long)(await zhang.GetJsonAsync("/api/v1/tasks")).AsArray()[0]!["id"]!;
        await zhang.PostJsonAsync($"/api/v1/tasks/{task}/complete", new { variables = new { approved = true } });

        var admin = await host.LoginAsync("admin");
        var secret = (string)(await admin.PostJsonAsync("/api/v1/tokens", new { name = "prometheus", userName = "admin" }))["token"]!;
        var scraper = host.Anonymous();
        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var response = await scraper.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);

        foreach (var name in new[]
                 {
                     "http_server_request_duration_seconds_count",
                     "coban_workflow_units_total", "coban_workflow_steps_total", "coban_workflow_unit_duration_seconds_bucket",
                     "coban_timers_pending", "coban_timers_due", "coban_timers_late",
                     "coban_outbox_backlog", "coban_outbox_dead", "coban_outbox_uncertain",
                     "coban_incidents_open", "coban_calendar_provisional_years",
                 })
            text.ShouldContain(name, customMessage: $"{name} missing from /metrics:\n{text}");
        // The task left open has its reminders pending: the gauge counts them. Other test hosts live in this process, and an
        // exporter sees every in-process meter of the same name, so there may be a line per host: one of them is this one's.
        var ours = host.Services.GetRequiredService<CoBan.Workflow.Hosting.OperationsGauges>().Current().ShouldNotBeNull().TimersPending;
        ours.ShouldBeGreaterThan(0);
        text.Split('\n').Where(l => l.StartsWith("coban_timers_pending")).ShouldContain(l => l.EndsWith(" " + ours), text);

        // A coordinator's session is refused (the cookie scheme answers with a redirect to its access-denied page).
        var refused = await zhang.GetAsync("/metrics");
        refused.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Found);
        (await refused.Content.ReadAsStringAsync()).ShouldNotContain("coban_");
        var anonymous = await host.Anonymous().GetAsync("/metrics");
        anonymous.StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Found);
        (await anonymous.Content.ReadAsStringAsync()).ShouldNotContain("coban_");
    }
}

using System.Net;
using System.Net.Http.Json;
using CoBan.Workflow.Notices;
using CoBan.Workflow.Tests.Infrastructure;
using CoBan.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Tests.Notices;

/// <summary>Channel settings overridden by administrators (secrets never echoed), a test send, and procedures naming unknown templates.</summary>
public class NoticeSettingsApiTests
{
    [Fact]
    public async Task Administrators_override_channel_settings_secrets_are_stored_encrypted_and_never_returned_and_a_test_send_uses_them()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var host = await TestHost.StartAsync(settings: new() { ["CoBan:Notices:Dispatcher:Enabled"] = "false" });
        var admin = await host.LoginAsync("admin");

        var before = (await admin.GetJsonAsync("/api/v1/notice-settings")).AsArray();
        ((string?)before.Single(s => (string?)s!["key"] == "Email:Host")!["value"]).ShouldBeNull(); // a fresh install: pickup folder
        ((string?)before.Single(s => (string?)s!["key"] == "Sms:Provider")!["value"]).ShouldBe("none");

        var saved = (await admin.PutJsonAsync("/api/v1/notice-settings", new
        {
            values = new Dictionary<string, string?>
            {
                ["Email:Host"] = smtp.Host, ["Email:Port"] = smtp.Port.ToString(), ["Email:FromName"] = "霸州市政务服务中心",
                ["Email:Password"] = "s3cret-smtp-password",
            },
        })).AsArray();
        var password = saved.Single(s => (string?)s!["key"] == "Email:Password")!;
        ((string?)password["value"]).ShouldBeNull();
        ((bool)password["isSet"]!).ShouldBeTrue();
        ((bool)password["secret"]!).ShouldBeTrue();
        ((string?)password["source"]).ShouldBe("database");
        ((string?)saved.Single(s => (string?)s!["key"] == "Email:Host")!["value"]).ShouldBe(smtp.Host);
        (await (await admin.GetAsync("/api/v1/notice-settings")).Content.ReadAsStringAsync()).ShouldNotContain("s3cret-smtp-password");
        var stored = await host.WithDbAsync(db => db.Set<NoticeSetting>().SingleAsync(s => s.Key == "Email:Password"));
        stored.Value.ShouldNotBeNull().ShouldNotContain("s3cret");

        var test = await admin.PostJsonAsync("/api/v1/notice-settings/test", new { channel = "email", to = "zhaojian@example.test" });
        ((string?)test["outcome"]).ShouldBe("sent");
        ((string?)test["provider"]).ShouldBe("smtp");
        var mail = (await smtp.WaitForMessagesAsync(1)).Single();
        mail.Subject.ShouldBe("CoBan 通知渠道测试");
        mail.From.ShouldNotBeNull().ShouldContain("霸州市政务服务中心");

        // null goes back to the configuration
        var reset = (await admin.PutJsonAsync("/api/v1/notice-settings", new { values = new Dictionary<string, string?> { ["Email:Host"] = null } })).AsArray();
        ((string?)reset.Single(s => (string?)s!["key"] == "Email:Host")!["value"]).ShouldBeNull();

        (await admin.PutAsJsonAsync("/api/v1/notice-settings", new { values = new Dictionary<string, string?> { ["Dispatcher:MaxAttempts"] = "1" } }))
            .StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var coordinator = await host.LoginAsync("zhang.wei");
        (await coordinator.GetAsync("/api/v1/notice-settings")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_procedure_naming_a_template_the_catalog_lacks_is_refused_at_validation()
    {
        await using var host = await TestHost.StartAsync(settings: new() { ["CoBan:Notices:Dispatcher:Enabled"] = "false" });
        var owner = await host.LoginAsync("owner.scjg");
        var xml = $$"""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions {{Models.Namespaces}} id="d_n" targetNamespace="http://coban.test">
              <bpmn:process id="notice-check" isExecutable="true">
                <bpmn:startEvent id="start" />
                <bpmn:sendTask id="bad" coban:notice="reciept" />
                <bpmn:sendTask id="slip" coban:notice="village-slip" coban:channels="sms,print" />
                <bpmn:endEvent id="end" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="bad" />
                <bpmn:sequenceFlow id="f2" sourceRef="bad" targetRef="slip" />
                <bpmn:sequenceFlow id="f3" sourceRef="slip" targetRef="end" />
              </bpmn:process>
            </bpmn:definitions>
            """;
        var created = await owner.PostJsonAsync("/api/v1/procedures", new { xml });
        var result = await owner.PostJsonAsync($"/api/v1/procedures/{(long)created["id"]!}/validate", new { xml });

        ((bool)result["valid"]!).ShouldBeFalse();
        var text = result.ToJsonString();
        text.ShouldContain("reciept");
        text.ShouldContain("village-slip"); // the warning: no SMS template for the print-only slip
    }
}

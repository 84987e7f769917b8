using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using CoBan.Workflow.Notices;
using CoBan.Workflow.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoBan.Workflow.Tests.Notices;

/// <summary>Alibaba Cloud SendSms: the request signature against the provider's documented worked examples, and the gateway against a stand-in endpoint.</summary>
public class AliyunSmsTests
{
    /// <summary>
    /// The worked example of Alibaba Cloud's "HTTP协议及签名" documentation for SendSms
    /// (help.aliyun.com/document_detail/101343, developer.aliyun.com/ask/218522): AccessKeyId testId,
    /// AccessKeySecret testSecret; the documented request carries Signature=zJDF%2BLrzhj%2FThnlvIToysFRq6t4%3D.
    /// </summary>
    [Fact]
    public void The_sendsms_signature_matches_the_providers_documented_example()
    {
        var parameters = new Dictionary<string, string>
        {
            ["AccessKeyId"] = "testId",
            ["Action"] = "SendSms",
            ["Format"] = "XML",
            ["OutId"] = "123",
            ["PhoneNumbers"] = "15300000001",
            ["RegionId"] = "cn-hangzhou",
            ["SignName"] = "阿里云短信测试专用",
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = "45e25e9b-0a6f-4070-8c85-2956eda1b466",
            ["SignatureVersion"] = "1.0",
            ["TemplateCode"] = "SMS_71390007",
            ["TemplateParam"] = "{\"customer\":\"test\"}",
            ["Timestamp"] = "2017-07-12T02:42:19Z",
            ["Version"] = "2017-05-25",
        };

        AliyunSignature.StringToSign("GET", parameters).ShouldStartWith(
            "GET&%2F&AccessKeyId%3DtestId%26Action%3DSendSms%26Format%3DXML%26OutId%3D123%26PhoneNumbers%3D15300000001%26RegionId%3Dcn-hangzhou%26SignName%3D%25E9%2598%25BF%25E9%2587%258C");
        AliyunSignature.Sign("GET", parameters, "testSecret").ShouldBe("zJDF+Lrzhj/ThnlvIToysFRq6t4=");
        AliyunSignature.SignedQuery("GET", parameters, "testSecret").ShouldStartWith("Signature=zJDF%2BLrzhj%2FThnlvIToysFRq6t4%3D&AccessKeyId=testId&Action=SendSms");
    }

    /// <summary>The same documentation's voice example (the same POP signature): Signature=aMfgrx8DLS7vLfpeR1c2rrKLr0Q%3D.</summary>
    [Fact]
    public void The_signature_matches_the_documented_text_to_speech_example_of_the_same_protocol()
    {
        var parameters = new Dictionary<string, string>
        {
            ["AccessKeyId"] = "testId", ["Action"] = "SingleCallByTts", ["CalledNumber"] = "13000000000", ["CalledShowNumber"] = "057112345678",
            ["Format"] = "XML", ["OutId"] = "123", ["RegionId"] = "cn-hangzhou", ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = "f7d2d4ef-6d5f-4da4-86ed-88e001a66abb", ["SignatureVersion"] = "1.0", ["Timestamp"] = "2017-09-28T14:31:56Z",
            ["TtsCode"] = "TTS_0000000", ["TtsParam"] = "{\"code\":\"1234\",\"product\":\"test\"}", ["Version"] = "2017-05-25",
        };
        AliyunSignature.Sign("GET", parameters, "testSecret").ShouldBe("aMfgrx8DLS7vLfpeR1c2rrKLr0Q=");
    }

    [Fact]
    public void Percent_encoding_follows_rfc_3986_as_the_provider_asks()
    {
        AliyunSignature.PercentEncode("a b*c~d+e/").ShouldBe("a%20b%2Ac~d%2Be%2F");
        AliyunSignature.PercentEncode("2017-07-12T02:42:19Z").ShouldBe("2017-07-12T02%3A42%3A19Z");
    }

    [Fact]
    public async Task A_notice_goes_out_as_a_signed_sendsms_request_and_the_smsreport_push_records_its_receipt()
    {
        await using var endpoint = await FakeAliyun.StartAsync("testSecret");
        await using var host = await TestHost.StartAsync(settings: new()
        {
            ["CoBan:Notices:Sms:Provider"] = "aliyun",
            ["CoBan:Notices:Sms:SignName"] = "霸州市政务服务中心",
            ["CoBan:Notices:Sms:Aliyun:Endpoint"] = endpoint.Url,
            ["CoBan:Notices:Sms:Aliyun:AccessKeyId"] = "testId",
            ["CoBan:Notices:Sms:Aliyun:AccessKeySecret"] = "testSecret",
            ["CoBan:Notices:Sms:Aliyun:ReceiptToken"] = "report-token",
            ["CoBan:Notices:Dispatcher:Enabled"] = "false",
        });
        var theCase = await host.WithDbAsync(db => NoticeData.CaseAsync(db));
        var notice = await host.WithDbAsync(db => NoticeData.NoticeAsync(db, theCase, "receipt", host.Clock.GetUtcNow(), "sms"));
        await host.Services.GetRequiredService<NoticeDispatcher>().RunOnceAsync(CancellationToken.None);

        var request = endpoint.Requests.ShouldHaveSingleItem();
        request.SignatureValid.ShouldBeTrue();
        request.Query["Action"].ShouldBe("SendSms");
        request.Query["PhoneNumbers"].ShouldBe(NoticeData.ApplicantPhone);
        request.Query["SignName"].ShouldBe("霸州市政务服务中心");
        request.Query["TemplateCode"].ShouldBe("SMS_COBAN_RECEIPT");
        JsonDocument.Parse(request.Query["TemplateParam"]).RootElement.GetProperty("deadline").GetString().ShouldBe("2026年10月13日");
        request.Query["Timestamp"].ShouldBe("2026-09-30T01:00:00Z");
        var delivery = (await host.WithDbAsync(db => NoticeData.DeliveriesAsync(db, notice.Id))).Single();
        request.Query["OutId"].ShouldBe(delivery.IdempotencyKey);
        delivery.Status.ShouldBe(DeliveryStatus.Sent);
        delivery.Provider.ShouldBe("aliyun");
        delivery.ProviderMessageId.ShouldBe("900619746936498440^0");

        var report = JsonSerializer.Serialize(new[]
        {
            new { phone_number = NoticeData.ApplicantPhone, send_time = "2026-09-30 09:00:01", report_time = "2026-09-30 09:00:05", success = true,
                err_code = "DELIVERED", err_msg = "用户接收成功", sms_size = "1", biz_id = "900619746936498440^0", out_id = delivery.IdempotencyKey },
        });
        var anonymous = host.Anonymous();
        (await anonymous.PostAsync("/api/v1/notice-receipts/aliyun?token=wrong", new StringContent(report, Encoding.UTF8, "application/json")))
            .StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
        var answer = await (await anonymous.PostAsync("/api/v1/notice-receipts/aliyun?token=report-token", new StringContent(report, Encoding.UTF8, "application/json"))).JsonAsync();
        ((int)answer["code"]!).ShouldBe(0);
        var delivered = (await host.WithDbAsync(db => NoticeData.DeliveriesAsync(db, notice.Id))).Single();
        delivered.Status.ShouldBe(DeliveryStatus.Delivered);
        delivered.Receipt.ShouldBe("DELIVERED 用户接收成功");
        delivered.ReceiptAt.ShouldBe(new DateTimeOffset(2026, 9, 30, 9, 0, 5, TimeSpan.FromHours(8)));
    }

    [Fact]
    public async Task SendSms_is_not_idempotent_so_a_timeout_is_left_for_a_person_instead_of_being_retried()
    {
        await using var endpoint = await FakeAliyun.StartAsync("testSecret");
        endpoint.Delay = TimeSpan.FromSeconds(3);
        await using var host = await TestHost.StartAsync(settings: new()
        {
            ["CoBan:Notices:Sms:Provider"] = "aliyun",
            ["CoBan:Notices:Sms:SignName"] = "霸州市政务服务中心",
            ["CoBan:Notices:Sms:Aliyun:Endpoint"] = endpoint.Url,
            ["CoBan:Notices:Sms:Aliyun:AccessKeyId"] = "testId",
            ["CoBan:Notices:Sms:Aliyun:AccessKeySecret"] = "testSecret",
            ["CoBan:Notices:Sms:Aliyun:TimeoutSeconds"] = "1",
            ["CoBan:Notices:Dispatcher:Enabled"] = "false",
        });
        var theCase = await host.WithDbAsync(db => NoticeData.CaseAsync(db));
        var notice = await host.WithDbAsync(db => NoticeData.NoticeAsync(db, theCase, "receipt", host.Clock.GetUtcNow(), "sms"));
        var dispatcher = host.Services.GetRequiredService<NoticeDispatcher>();
        await dispatcher.RunOnceAsync(CancellationToken.None);
        host.Clock.Advance(TimeSpan.FromHours(1));
        await dispatcher.RunOnceAsync(CancellationToken.None);

        var delivery = (await host.WithDbAsync(db => NoticeData.DeliveriesAsync(db, notice.Id))).Single();
        delivery.Status.ShouldBe(DeliveryStatus.Uncertain);
        delivery.Attempts.ShouldBe(1);
        endpoint.Requests.Count.ShouldBe(1);
    }

    /// <summary>A stand-in for dysmsapi.aliyuncs.com that checks the signature the way the provider documents it.</summary>
    private sealed class FakeAliyun : IAsyncDisposable
    {
        private WebApplication _app = null!;
        public sealed record Request(Dictionary<string, string> Query, bool SignatureValid);
        public ConcurrentQueue<Request> Requests { get; } = new();
        public TimeSpan Delay = TimeSpan.Zero;
        public string Url { get; private set; } = "";

        public static async Task<FakeAliyun> StartAsync(string secret)
        {
            var fake = new FakeAliyun();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
            fake._app = builder.Build();
            fake._app.MapGet("/", async (HttpRequest http) =>
            {
                var query = http.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
                var signature = query.GetValueOrDefault("Signature");
                query.Remove("Signature");
                fake.Requests.Enqueue(new Request(query, signature == AliyunSignature.Sign("GET", query, secret)));
                if (fake.Delay > TimeSpan.Zero) await Task.Delay(fake.Delay);
                return Results.Text("""{"Message":"OK","RequestId":"F655A8D5-B967-440B-8683-DAD6FF8DE990","Code":"OK","BizId":"900619746936498440^0"}""", "application/json");
            });
            await fake._app.StartAsync();
            fake.Url = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
            // One request before the test's own, so that a test with a short client timeout does not spend it on the
            // endpoint's first-request warm-up (seen on a loaded machine: the request never reached the handler in time).
            using (var warmUp = new HttpClient()) await warmUp.GetAsync(fake.Url);
            fake.Requests.Clear();
            return fake;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

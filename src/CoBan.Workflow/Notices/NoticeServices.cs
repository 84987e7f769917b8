using CoBan.Workflow.Procedures;
using CoBan.Workflow.Runtime;

namespace CoBan.Workflow.Notices;

public static class NoticeServices
{
    /// <summary>Templates, rendering, channels, the outbox dispatcher and the notice APIs' services.</summary>
    public static IServiceCollection AddCoBanNotices(this IServiceCollection services)
    {
        services.AddHttpClient(WebhookSmsGateway.ClientName);
        services.AddHttpClient(AliyunSmsGateway.ClientName);
        services.AddSingleton<NoticeCatalog>();
        services.AddSingleton<NoticeRenderer>();
        services.AddSingleton<NoticeTemplateStore>();
        services.AddSingleton<NoticeSettingsStore>();
        services.AddSingleton<ReceiptReplayGuard>();
        services.AddScoped<INoticeModelContributor, CoreNoticeModelContributor>();
        services.AddScoped<INoticeModelContributor, CaseNoticeModelContributor>();
        services.AddScoped<NoticeModelBuilder>();
        services.AddScoped<NoticeRecipients>();
        services.AddScoped<NoticePlanner>();
        services.AddScoped<NoticePrinter>();
        services.AddSingleton<ISmsGateway, WebhookSmsGateway>();
        services.AddSingleton<ISmsGateway, AliyunSmsGateway>();
        services.AddSingleton<SmsChannel>();
        services.AddSingleton<INoticeChannel>(sp => sp.GetRequiredService<SmsChannel>());
        services.AddSingleton<INoticeChannel, EmailChannel>();
        // One composer per channel (what it needs and how it fills a delivery): a new channel registers here.
        services.AddSingleton<INoticeComposer, SmsComposer>();
        services.AddSingleton<INoticeComposer, EmailComposer>();
        services.AddSingleton<INoticeComposer, PrintComposer>();
        services.AddScoped<NoticeWorker>();
        services.AddScoped<NoticeActions>();
        services.AddScoped<NoticeTemplateService>();
        services.AddScoped<NoticeAttentionEndpoints.NoticeAttention>();
        services.AddScoped<IStepObserver, NoticeFormObserver>();
        services.AddScoped<IProcedureValidator, NoticeProcedureValidator>();
        services.AddHostedService<TemplateSyntaxUpgrade>(); // before the dispatcher renders anything
        services.AddSingleton<NoticeDispatcher>();
        services.AddSingleton<IAfterCommit>(sp => sp.GetRequiredService<NoticeDispatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<NoticeDispatcher>());
        return services;
    }

    public static IEndpointRouteBuilder MapNoticesApi(this IEndpointRouteBuilder app) => app
        .MapNoticeAttentionApi()
        .MapNoticeApi()
        .MapNoticeTemplateApi()
        .MapNoticeSettingsApi()
        .MapNoticeReceiptApi();
}

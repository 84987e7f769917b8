using CoBan.Workflow.Hosting;

// The configuration is the repository's top-level appsettings.json, copied next to the binaries.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
// Static web assets (the designer bundle) are served from the build output in every environment.
builder.WebHost.UseStaticWebAssets();
builder.AddCoBan();
var app = builder.Build();
await app.InitializeCoBanAsync();
app.UseCoBan();
await app.RunAsync();

public partial class Program;

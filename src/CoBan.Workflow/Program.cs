using CoBan.Workflow.Hosting;

// The configuration is the repository's top-level appsettings.json, copied next to the binaries.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddCoBan();
var app = builder.Build();
await app.InitializeCoBanAsync();
app.UseCoBan();
await app.RunAsync();

public partial class Program;

var builder = WebApplication.CreateBuilder(args);
// Serve wwwroot's build-time static web assets (the designer bundle, its compressed variants) in
// any environment when running from the build output; a no-op for published output.
builder.WebHost.UseStaticWebAssets();
var app = builder.Build();
app.MapStaticAssets();
app.MapGet("/health", () => "ok");
app.Run();
public partial class Program;

using Reshore.Web;

var app = await ReshoreWebHost.BuildAsync(args);
await app.RunAsync();

/// <summary>Entry point; public so integration tests can host the app with WebApplicationFactory.</summary>
public partial class Program;

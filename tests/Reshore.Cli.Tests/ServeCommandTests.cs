namespace Reshore.Cli.Tests;

public sealed class ServeCommandTests
{
    [Fact]
    public void An_unreachable_database_is_a_user_error_and_the_password_is_not_shown()
    {
        var port = System.Net.Sockets.TcpListener.Create(0);
        port.Start();
        var free = ((System.Net.IPEndPoint)port.LocalEndpoint).Port;
        port.Stop();
        var result = CliRunner.Run("serve", "--urls", "http://127.0.0.1:0", "--database", $"Host=127.0.0.1;Port={free};Database=x;Username=u;Password=topsecret;Timeout=3");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Cannot open the database (PostgreSQL u@127.0.0.1", result.Error);
        Assert.DoesNotContain("topsecret", result.Error + result.Out);
    }

    [Fact]
    public void Help_names_the_database_and_address_options()
    {
        var result = CliRunner.Run("serve", "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--database", result.Out);
        Assert.Contains("--urls", result.Out);
    }
}

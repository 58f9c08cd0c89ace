using LlmLab.AppHost.Dashboard;
using LlmLab.AppHost.Infrastructure;
using LlmLab.AppHost.Processes;

namespace LlmLab.UnitTests.AppHost;

public sealed class ConsoleLogTests
{
    [Fact]
    public void Only_the_last_lines_are_kept_numbered_so_a_reader_asks_for_what_is_new()
    {
        var log = new ConsoleLog(capacity: 3);
        for (var i = 1; i <= 5; i++) log.Append($"line {i}");

        Assert.Equal([3L, 4, 5], log.Read().Select(l => l.Number));
        Assert.Equal(["line 5"], log.Read(after: 4).Select(l => l.Text));
        Assert.Equal(["line 4", "line 5"], log.Read(limit: 2).Select(l => l.Text));
    }

    [Fact]
    public void Search_matches_any_case()
    {
        var log = new ConsoleLog(10);
        log.Append("info: started");
        log.Append("FAIL: provider timed out");
        log.Append("info: done");

        Assert.Equal(["FAIL: provider timed out"], log.Read("timed OUT").Select(l => l.Text));
    }

    [Theory]
    [InlineData("http://0.0.0.0:18888", "loopback only")]
    [InlineData("http://192.168.1.5:18888", "loopback only")]
    [InlineData("https://127.0.0.1:18888", "is not an http URL")]
    [InlineData("http://127.0.0.1:18888/dash", "is not an http URL")]
    [InlineData("dashboard", "is not an http URL")]
    public void The_dashboard_address_must_be_plain_http_on_loopback(string url, string why)
    {
        var error = Assert.Throws<ArgumentException>(() => DashboardAddress.Validate(url));
        Assert.StartsWith("AppHost:Dashboard:Url: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_taken_dashboard_port_gives_way_to_a_free_one_on_the_same_host()
    {
        var port = Ports.Free();
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
        taken.Start();

        var chosen = DashboardAddress.Choose($"http://127.0.0.1:{port}");
        Assert.Equal("127.0.0.1", chosen.Host);
        Assert.NotEqual(port, chosen.Port);
        DashboardAddress.Validate("http://localhost:18888");
        DashboardAddress.Validate("http://[::1]:18888");
    }
}

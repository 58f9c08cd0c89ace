using LlmLab.AppHost.Model;
using LlmLab.AppHost.Publish;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LlmLab.UnitTests.Deploy;

/// <summary>The probe paths of the manifests are the ones ServiceDefaults maps, in every service.</summary>
public sealed class ProbePathTests
{
    [Fact]
    public async Task The_probe_paths_answer_200_from_the_service_defaults_every_service_maps()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        await using var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync(new Uri(ServiceWorkload.ReadinessPath, UriKind.Relative))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync(new Uri(ServiceWorkload.LivenessPath, UriKind.Relative))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        await app.StopAsync();
    }

    [Fact]
    public void Every_project_of_the_model_maps_the_default_endpoints()
    {
        foreach (var project in PlatformModel.Projects)
        {
            var program = File.ReadAllText(Path.Combine(RenderedOverlay.RepoRoot, project.ProjectPath, "Program.cs"));
            Assert.Contains("app.MapDefaultEndpoints()", program, StringComparison.Ordinal);
        }
    }
}

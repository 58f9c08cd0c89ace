using System.Text.Json;
using LlmLab.Batch.Domain;
using LlmLab.Experiments.Domain;

namespace LlmLab.UnitTests.HostileInput;

public class GridSafetyTests
{
    private static Dictionary<string, string[]> BatchErrors(string ranges) =>
        BatchGrid.From(JsonSerializer.Deserialize<BatchDefinition>("""{"name":"n","prompt":"p","parameter_ranges":""" + ranges + "}",
            LlmLab.ServiceKit.ServiceKitExtensions.Json)!, 10_000).Errors;

    [Theory]
    [InlineData("""{"temperature":{"min":0,"max":2,"step":1e-10}}""", "parameter_ranges.temperature.step")]
    [InlineData("""{"temperature":{"min":0,"max":2,"step":1e-30}}""", "parameter_ranges.temperature.step")]
    [InlineData("""{"top_p":{"min":0.1,"max":1,"step":1e309}}""", "parameter_ranges.top_p.step")]
    [InlineData("""{"top_p":{"min":0.1,"max":1,"step":"Infinity"}}""", "parameter_ranges.top_p.step")]
    [InlineData("""{"frequency_penalty":{"min":0,"max":1e30,"step":1}}""", "parameter_ranges.frequency_penalty.step")]
    [InlineData("""{"presence_penalty":{"min":-1e309,"max":1,"step":1}}""", "parameter_ranges.presence_penalty.min")]
    [InlineData("""{"temperature":[0.5,1e309]}""", "parameter_ranges.temperature")]
    [InlineData("""{"model":["a","  "]}""", "parameter_ranges.model")]
    public void Hostile_ranges_are_refused_naming_the_field_without_allocating_them(string ranges, string field)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Contains(field, BatchErrors(ranges).Keys);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 10_000_000);
    }

    private static Experiment Experiment(Action<Experiment> change)
    {
        var e = new Experiment
        {
            TenantId = "t", Name = "n", Prompt = "p", TemperatureMin = 0.2, TemperatureMax = 1.0, TemperatureStep = 0.4,
            TopPMin = 0.5, TopPMax = 1.0, TopPStep = 0.25, MaxTokens = 60, ResponseCount = 1,
        };
        change(e);
        return e;
    }

    [Theory]
    [InlineData("frequency_penalty")]
    [InlineData("presence_penalty")]
    public void A_nan_penalty_is_refused_so_it_is_never_stored(string field)
    {
        var e = Experiment(x => { if (field == "frequency_penalty") x.FrequencyPenalty = double.NaN; else x.PresencePenalty = double.NaN; });
        Assert.Contains(field, ExperimentValidator.Validate(e, new ExperimentLimits()).Keys);
    }

    [Theory]
    [InlineData(1e-10, "response_count")]
    [InlineData(1e-30, "response_count")]
    [InlineData(double.PositiveInfinity, "temperature_step")]
    [InlineData(double.NaN, "temperature_step")]
    public void Tiny_or_non_finite_steps_are_refused_naming_a_field(double step, string field) =>
        Assert.Contains(field, ExperimentValidator.Validate(Experiment(x => x.TemperatureStep = step), new ExperimentLimits()).Keys);

    [Theory]
    [InlineData("provider", 101)]
    [InlineData("model", 201)]
    [InlineData("judge_model", 201)]
    [InlineData("name", 201)]
    [InlineData("prompt", 100_001)]
    public void Strings_longer_than_their_columns_are_refused_naming_the_field(string field, int length)
    {
        var text = new string('x', length);
        var e = Experiment(x =>
        {
            switch (field)
            {
                case "provider": x.Provider = text; break;
                case "model": x.Model = text; break;
                case "judge_model": x.JudgeProvider = "local"; x.JudgeModel = text; break;
                case "name": x.Name = text; break;
                default: x.Prompt = text; break;
            }
        });
        Assert.Contains(field, ExperimentValidator.Validate(e, new ExperimentLimits()).Keys);
    }
}

using LlmLab.Experiments.Domain;

namespace LlmLab.UnitTests.Experiments;

public class ExperimentValidatorTests
{
    private static readonly ExperimentLimits Limits = new() { MaxCallsPerRun = 10_000 };

    private static Experiment Valid() => new()
    {
        TenantId = "t",
        Name = "rain",
        Prompt = "Explain rain.",
        TemperatureMin = 0.2, TemperatureMax = 1.0, TemperatureStep = 0.4,
        TopPMin = 0.5, TopPMax = 1.0, TopPStep = 0.25,
        MaxTokens = 100,
        ResponseCount = 2,
    };

    [Fact]
    public void A_3_by_3_grid_with_two_repetitions_is_valid() => Assert.Empty(ExperimentValidator.Validate(Valid(), Limits));

    [Fact]
    public void Grid_with_zero_step_is_rejected_with_the_field_named()
    {
        var e = Valid();
        e.TopPStep = 0;
        Assert.Contains("top_p_step", ExperimentValidator.Validate(e, Limits).Keys);
    }

    [Fact]
    public void Minimum_above_maximum_is_rejected_on_the_minimum()
    {
        var e = Valid();
        e.TemperatureMin = 1.5;
        e.TemperatureMax = 0.5;
        var errors = ExperimentValidator.Validate(e, Limits);
        Assert.Contains("must not exceed temperature_max", errors["temperature_min"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Temperature_above_two_and_top_p_of_zero_are_out_of_range()
    {
        var e = Valid();
        e.TemperatureMax = 2.5;
        e.TopPMin = 0;
        var errors = ExperimentValidator.Validate(e, Limits);
        Assert.Contains("temperature_max", errors.Keys);
        Assert.Contains("top_p_min", errors.Keys);
    }

    [Fact]
    public void A_grid_over_the_call_limit_names_the_count()
    {
        var e = Valid();
        e.TemperatureMin = 0; e.TemperatureMax = 2; e.TemperatureStep = 0.1;   // 21 values
        e.TopPMin = 0.1; e.TopPMax = 1; e.TopPStep = 0.1;                      // 10 values
        e.ResponseCount = 50;                                                  // 10,500 calls
        var errors = ExperimentValidator.Validate(e, Limits);
        Assert.Contains("10500", errors["response_count"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_name_and_prompt_are_each_reported()
    {
        var e = Valid();
        e.Name = " ";
        e.Prompt = "";
        var errors = ExperimentValidator.Validate(e, Limits);
        Assert.Equal(["is required."], errors["name"]);
        Assert.Equal(["is required."], errors["prompt"]);
    }
}

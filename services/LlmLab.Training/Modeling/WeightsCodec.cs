using TorchSharp;

namespace LlmLab.Training.Modeling;

/// <summary>Weights and optimiser state to bytes and back (TorchSharp's own format), for PostgreSQL bytea columns.</summary>
public static class WeightsCodec
{
    public static byte[] Save(torch.nn.Module module)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) module.save(writer);
        return stream.ToArray();
    }

    public static void Load(torch.nn.Module module, byte[] weights)
    {
        using var reader = new BinaryReader(new MemoryStream(weights));
        module.load(reader);
    }

    public static byte[] Save(TorchSharp.Modules.OptimizerHelper optimizer)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) optimizer.save_state_dict(writer);
        return stream.ToArray();
    }

    public static void Load(TorchSharp.Modules.OptimizerHelper optimizer, byte[] state)
    {
        using var reader = new BinaryReader(new MemoryStream(state));
        optimizer.load_state_dict(reader);
    }
}

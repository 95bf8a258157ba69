namespace ApprovalFlow.Tests.Documents;

/// <summary>A fresh machine with no suitable serif installed still has one: the build copies Tinos beside the application.</summary>
[Trait("Database", "None")]
public sealed class BundledFontTests
{
    [Theory]
    [InlineData("Tinos_400Regular.ttf")]
    [InlineData("Tinos_700Bold.ttf")]
    [InlineData("Tinos_400Regular_Italic.ttf")]
    [InlineData("Tinos_700Bold_Italic.ttf")]
    public void Each_face_of_the_bundled_serif_is_beside_the_application_and_has_every_Vietnamese_letter(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "fonts", file);
        Assert.True(File.Exists(path), $"{path} is missing: the web build copies it from the npm package @expo-google-fonts/tinos");
        Assert.True(ApprovalFlow.Documents.Pdf.FontCoverage.Covers(File.ReadAllBytes(path), ApprovalFlow.Documents.Pdf.FontCoverage.Vietnamese));
    }
}

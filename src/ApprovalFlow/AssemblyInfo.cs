using System.Resources;

// Vietnamese is the product's language: the neutral resources are Vietnamese, English is a satellite.
[assembly: NeutralResourcesLanguage("vi")]

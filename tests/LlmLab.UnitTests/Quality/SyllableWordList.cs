namespace LlmLab.UnitTests.Quality;

/// <summary>
/// Words with their syllable counts as the CMU Pronouncing Dictionary gives them (vowels with stress marks), counted by
/// hand; words the dictionary pronounces two ways ("family", "every", "fire", "different") are left out.
/// </summary>
public static class SyllableWordList
{
    private const string Words = """
        1: cat dog the make jumped makes hope care time state whole once queue through thought strength free tree tie die
        1: lie pie sky fly cry dry try eye boat coat road book look school friend field piece great break steak bread head
        1: heart learn earth search laugh cough though night light right write wrote knife knee gnome sign should would
        1: could walked talked called filled smiled played stayed liked hoped shapes notes lines times rules shoes goes does
        1: done gone come some love move live give have are were where there here these those while white quite guide juice
        1: fruit suit build guess guest sure pure scene theme prize rhyme style type known grown shown strange change range
        1: large charge judge bridge edge age page cage place space face race voice choice noise house mouse horse course
        1: source force first world word work worked helped asked jumps stopped dropped planned rained cleaned dreamed
        1: screamed seemed named aimed loved moved lived saved waved real
        2: table apple water happy wanted boxes puzzles tables hopeless careful quiet lion poem people business wednesday
        2: rhythm needed started landed waited painted wishes watches churches places changes pages faces horses houses
        2: roses noses classes glasses foxes fixes puzzled settled handled candles circles bubbles little middle simple
        2: purple gentle single able noble candle battle bottle title uncle turtle over under after later paper mother
        2: father sister brother summer winter morning evening something someone sometimes homework lifetime statement
        2: movement lovely lonely lately safely useless homeless careless hopeful graceful peaceful useful wasteful basement
        2: ocean going doing being seeing playing saying crying flying dying trying buyer player layer beyond giant diet
        2: client science poet create really music student problem number answer question nation action motion vision
        2: mission version region special social partial precious anxious conscious gracious nervous famous jealous garden
        2: kitchen children window yellow pillow follow shadow market basket pocket ticket rocket doctor teacher farmer
        2: driver river silver dinner letter better butter matter pattern lesson person reason season prison open broken
        2: spoken chosen frozen golden wooden sudden hidden kitten button cotton lemon melon salad planet comet rabbit habit
        2: limit visit credit profit spirit carrot parrot forest honest modest contest insect object subject project perfect
        2: expect respect connect collect correct direct select sentence balance distance silence absence promise purpose
        2: practice service notice office surface palace village message passage language damage image manage cottage
        2: courage engine machine routine police become welcome awesome handsome income outcome somewhere nowhere athlete
        2: complete compete delete extreme supreme escape mistake inside outside provide decide divide describe survive
        2: arrive alive believe receive achieve patient ancient
        3: banana computer syllable beautiful creative quietly animal another important together remember tomorrow
        3: yesterday difficult hospital holiday elephant dinosaur kangaroo umbrella potato tomato piano radio video idea
        3: area period various serious curious obvious happier easiest heavier earlier actual usual visual annual gradual
        3: medium stadium premium theory champion creation creator violin violent continue arguing excitement amazement
        3: engagement completely extremely sincerely everything anyone anywhere forever however whatever wonderful powerful
        3: dangerous generous energy company library history memory factory victory galaxy enemy exercise paragraph
        3: photograph telephone microphone saxophone example article principle obstacle miracle vehicle bicycle terrible
        3: horrible possible visible sensible flexible capable probable understand underneath afternoon introduce recognize
        3: organize criticize emphasize summarize influence confidence evidence excellent element instrument argument
        3: government president accident incident resident audience efficient sufficient imagine
        4: education technology information conversation celebration population situation available caterpillar alligator
        4: watermelon helicopter ingredient convenient experience mathematics understanding everybody activity community
        4: ability necessary ordinary january dictionary military secretary variety society anxiety biology geography
        4: photography democracy material exercises acceptable
        5: readability organizations electricity imagination organization university opportunity individual vocabulary
        5: personality international communication refrigerator hippopotamus
        6: responsibility
        """;

    public static IReadOnlyList<(string Word, int Syllables)> All { get; } = Words
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .SelectMany(line => line[(line.IndexOf(':') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(word => (word, int.Parse(line[..line.IndexOf(':')], System.Globalization.CultureInfo.InvariantCulture))))
        .ToList();
}

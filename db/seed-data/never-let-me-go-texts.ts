// The demo book's texts, written for Chapterhouse (the facts come from the summaries in the
// project's seeds; the sentences are our own). `description` is spoiler-free and shown open;
// `summary` tells the whole story, ending included, and the book page keeps it behind a warning.
// The English club's book has the English texts, the Spanish club's (db/seed.ts) the Spanish ones.

/** The demo book's parts and chapters, as the novel has them. */
export const neverLetMeGoShape = {
  chapters: 23,
  parts: [
    { title: "Part One", first: 1, last: 9 },
    { title: "Part Two", first: 10, last: 17 },
    { title: "Part Three", first: 18, last: 23 },
  ],
};

/** The same shape with the parts named as a Spanish edition names them. */
export const neverLetMeGoShapeEs: typeof neverLetMeGoShape = {
  chapters: 23,
  parts: [
    { title: "Primera parte", first: 1, last: 9 },
    { title: "Segunda parte", first: 10, last: 17 },
    { title: "Tercera parte", first: 18, last: 23 },
  ],
};

export const neverLetMeGoTexts = {
  en: {
    description:
      "Kathy, now in her early thirties, looks back on growing up with Ruth and Tommy at Hailsham, an English boarding school that is not quite what it seems, and on the years that followed.",
    summary: [
      "Kathy H. is thirty-one and has spent more than a decade as a carer, looking after donors between their operations. She will soon become a donor herself, and the book is her looking back. She, Ruth and Tommy were raised at Hailsham, a boarding school in the English countryside where the guardians prized art and poems, and where the best work was taken away by a woman the children called Madame, for a Gallery nobody ever saw.",
      "Part One is their childhood there: Tommy's rages and his lack of talent for art, Ruth's bossy charm and small lies, Kathy's lost cassette with the song \"Never Let Me Go\", and Miss Lucy telling the students plainly what the others only hinted at: they are clones, created so that their organs can be donated once they are young adults, and their lives will end early, after three or four donations at most.",
      "In Part Two the three move to the Cottages, a run-down farm where former students wait before training as carers. Ruth and Tommy are a couple; Kathy keeps her feelings for Tommy to herself. A rumour spreads that two Hailsham students who can prove they are truly in love may have their donations deferred for a few years. On a trip to Norfolk the friends look for Ruth's \"possible\", the woman she may have been copied from, and Tommy and Kathy find a copy of Kathy's lost tape. Tommy privately starts drawing imaginary animals, hoping art will prove his love. Hurt and jealous, Ruth drives Kathy away, and Kathy leaves early to become a carer.",
      "In Part Three, years later, Kathy becomes Ruth's carer. Ruth, weakened by her donations, admits she kept Kathy and Tommy apart and, before she completes, urges them to ask for a deferral. Kathy becomes Tommy's carer and the two are finally together. They find Madame and Miss Emily, Hailsham's head guardian, who tell them that deferrals never existed: the Gallery was meant to show the world that clones have souls, and Hailsham was a more humane experiment that has since closed. Tommy, angry and grieving, asks Kathy to stop being his carer, and he completes soon after his fourth donation. The book ends with Kathy alone at the edge of a field in Norfolk, letting herself imagine for a moment that what she lost might come back to her, before she drives on to where she has to be.",
    ].join("\n\n"),
  },
  es: {
    description:
      "Kathy, que ya ronda los treinta y pocos, recuerda su infancia junto a Ruth y Tommy en Hailsham, un internado inglés que no es del todo lo que parece, y los años que vinieron después.",
    summary: [
      "Kathy H. tiene treinta y un años y lleva más de una década trabajando como cuidadora: acompaña a los donantes entre una operación y otra. Pronto será donante ella también, y el libro es su mirada hacia atrás. Ella, Ruth y Tommy se criaron en Hailsham, un internado en la campiña inglesa donde los custodios valoraban mucho el arte y la poesía, y donde los mejores trabajos se los llevaba una mujer a la que los niños llamaban Madame, para una Galería que nadie llegó a ver.",
      "La primera parte es su infancia allí: los ataques de rabia de Tommy y su falta de talento para el arte, el encanto mandón de Ruth y sus pequeñas mentiras, la cinta perdida de Kathy con la canción «Never Let Me Go», y la señorita Lucy contando a los alumnos con claridad lo que los demás solo insinuaban: son clones, creados para donar sus órganos cuando sean jóvenes adultos, y sus vidas terminarán pronto, tras tres o cuatro donaciones como mucho.",
      "En la segunda parte los tres se mudan a las Casitas, una granja destartalada donde los antiguos alumnos esperan antes de formarse como cuidadores. Ruth y Tommy son pareja; Kathy se guarda lo que siente por Tommy. Corre el rumor de que dos alumnos de Hailsham que demuestren estar enamorados de verdad pueden aplazar sus donaciones unos años. En un viaje a Norfolk los amigos buscan al «posible» de Ruth, la mujer de la que quizá fue copiada, y Tommy y Kathy encuentran una copia de la cinta perdida. Tommy empieza a dibujar en secreto animales imaginarios, con la esperanza de que el arte pruebe su amor. Dolida y celosa, Ruth aparta a Kathy, que se marcha antes de tiempo para hacerse cuidadora.",
      "En la tercera parte, años después, Kathy pasa a ser la cuidadora de Ruth. Ruth, debilitada por las donaciones, reconoce que separó a Kathy y a Tommy y, antes de completar, les pide que soliciten un aplazamiento. Kathy se convierte en la cuidadora de Tommy y por fin están juntos. Encuentran a Madame y a la señorita Emily, la directora de Hailsham, que les cuentan que los aplazamientos nunca existieron: la Galería debía demostrar al mundo que los clones tienen alma, y Hailsham fue un experimento más humano que ya ha cerrado. Tommy, furioso y de luto, pide a Kathy que deje de ser su cuidadora, y completa poco después de su cuarta donación. El libro termina con Kathy sola al borde de un campo en Norfolk, permitiéndose imaginar por un momento que lo que perdió podría volver a ella, antes de seguir conduciendo hacia donde tiene que ir.",
    ].join("\n\n"),
  },
};

import { accounts, expect, test, unique } from "./fixtures";

// A short guide as a Spanish publisher puts it online: a title, a heading over the questions, the
// questions under "Primera parte" / "Segunda parte", ¿…? wrapping across lines, "1)" numbers, and
// a share button's line at the end (tests/unit/guide-parse-spanish.test.ts covers the parser).
const questions = [
  "¿Qué nos dice de Kathy el hecho de que empiece su relato presentándose como cuidadora?",
  "¿Por qué los custodios insisten tanto en la salud de los alumnos?",
  "¿Cómo cambia la amistad entre Kathy, Ruth y Tommy en las Cottages?",
];
const guide = `Nunca me abandones — Guía de lectura
Preguntas para el club de lectura

Primera parte
1. ¿Qué nos dice de Kathy el hecho de que empiece su relato
presentándose como cuidadora?
2. ${questions[1]}

Segunda parte
1) ${questions[2]}

Comparte en Facebook`;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("a moderator whose browser asks for Spanish imports a Spanish guide, reviews it in Spanish and gets a room per question", async ({
  browser,
  pageAs,
}) => {
  // Signed in through the usual form, then the same session in a browser that asks for Spanish
  // (Accept-Language: es-ES): the club's pages follow the browser, as nothing else chose a language.
  const signedIn = await pageAs(accounts.emily);
  const spanish = await browser.newContext({ locale: "es-ES", storageState: await signedIn.context().storageState() });
  const emily = await spanish.newPage();
  const clubName = unique("Club de lectura del barrio");
  const bookTitle = "Nunca me abandones";

  await test.step("Emily starts a club and adds the book, in Spanish", async () => {
    await emily.goto("/clubs/new");
    await emily.getByRole("textbox", { name: "Nombre del club" }).fill(clubName);
    await emily.getByRole("button", { name: "Crear club" }).click();
    await expect(emily.getByRole("heading", { level: 1, name: clubName })).toBeVisible();
    await expect(emily.getByRole("navigation", { name: "Club" }).getByRole("link", { name: "Libros" })).toBeVisible();
    await emily.getByRole("link", { name: "Añadir el libro que estáis leyendo" }).click();
    await expect(emily.getByRole("heading", { level: 1, name: "Añadir un libro" })).toBeVisible();
    await emily.getByRole("textbox", { name: "Título" }).fill(bookTitle);
    await emily.getByRole("textbox", { name: "Autor/a" }).fill("Kazuo Ishiguro");
    await emily.getByRole("button", { name: "Añadir libro" }).click();
    await expect(emily.getByRole("heading", { level: 1, name: bookTitle })).toBeVisible();
    await expect(emily.getByText("Todavía no hay preguntas. Cada una se convierte en una sala")).toBeVisible();
  });

  await test.step("she pastes the guide and reviews what was found, in Spanish", async () => {
    await emily.getByRole("link", { name: "Importar una guía de lectura" }).first().click();
    await expect(emily.getByRole("heading", { level: 1, name: "Importar una guía de lectura" })).toBeVisible();
    await emily.getByRole("textbox", { name: "Pega la guía de lectura" }).fill(guide);
    await emily.getByRole("button", { name: "Buscar preguntas" }).click();

    await expect(emily.getByRole("heading", { level: 2, name: "Revisa 3 preguntas" })).toBeVisible();
    await expect(emily.getByText("Primera parte", { exact: true })).toBeVisible();
    await expect(emily.getByText("Segunda parte", { exact: true })).toBeVisible();
    for (const [index, question] of questions.entries()) {
      await expect(emily.getByRole("textbox", { name: `Pregunta ${index + 1}`, exact: true })).toHaveValue(question);
    }
    await expect(emily.getByRole("button", { name: "Bajar la pregunta 1" })).toBeVisible();

    // The lines left out, with why, in Spanish.
    await emily.getByRole("button", { name: "3 líneas no se usaron — verlas" }).click();
    const skipped = emily.getByRole("listitem").filter({ has: emily.getByRole("button", { name: /^Usar como pregunta/ }) });
    await expect(skipped).toHaveText([
      /Línea 1.*Un título sin preguntas debajo.*Nunca me abandones — Guía de lectura/,
      /Línea 2.*Un título sin preguntas debajo.*Preguntas para el club de lectura/,
      /Línea 12.*Parece un anuncio.*Comparte en Facebook/,
    ]);

    // A slip is pointed out in Spanish before anything is sent.
    await emily.getByRole("textbox", { name: "Pregunta 2", exact: true }).fill("");
    await emily.getByRole("button", { name: "Crear 3 salas" }).click();
    await expect(emily.getByText("La pregunta 2 está vacía: escríbela o quítala.").first()).toBeVisible();
    await emily.getByRole("textbox", { name: "Pregunta 2", exact: true }).fill(questions[1]!);
  });

  await test.step("she confirms, and each question is a room of the club", async () => {
    await emily.getByRole("button", { name: "Crear 3 salas" }).click();
    await expect(emily).toHaveURL(/\/clubs\/[^/]+$/);
    await expect(emily.getByRole("heading", { level: 2, name: "Preguntas para comentar" })).toBeVisible();
    const rooms = emily.getByRole("link", { name: /^Pregunta \d+:/ });
    await expect(rooms).toHaveCount(3);
    for (const [index, question] of questions.entries()) {
      await expect(rooms.nth(index)).toHaveAccessibleName(new RegExp(`^Pregunta ${index + 1}: ${escapeRegExp(question)}`));
    }
    await expect(rooms.first()).toContainText("Todavía no hay respuestas");

    await rooms.nth(2).click();
    await expect(emily).toHaveURL(/\/rooms\/[^/]+$/);
    await expect(emily.getByRole("heading", { level: 1, name: questions[2] })).toBeVisible();
  });

  await spanish.close();
});

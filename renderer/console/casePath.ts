/** A case of any site in the console (the route table's `/search/cases/:id`): a case named on a console page opens here, never at a desk route. */
export const groupCasePath = (caseId: string) => `/search/cases/${caseId}`;
